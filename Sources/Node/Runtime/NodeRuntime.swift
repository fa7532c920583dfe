package import Chain
package import Credentials
package import DID
package import Foundation
package import KeyCustody
package import Primitives

/// Everything a command needs to act on the local chain: the store, the node, the membership
/// service and the operator's member identity, wired from the data directory.
package final class NodeRuntime: @unchecked Sendable {
    package let directory: DataDirectory
    package let genesis: Genesis
    package let store: SQLiteBlockStore
    package let node: ChainNode
    /// `nil` on a node without the membership key: in a consortium only the node that made the
    /// chain holds it (`didctl init --genesis` makes a node without it).
    private let membership: MembershipService?
    /// Another node's membership service, which certifies this node's one-time keys when it
    /// holds no membership key itself (`node start --membership-node`).
    private let remoteMembership: RemoteMembershipService?
    /// Whether `keys/operator.key` is here (in ``custodian``); a node made by `init --genesis` has none.
    private let hasOperator: Bool
    package let custodian = InMemoryCustodian()
    package let clock: any ChainClock
    /// The JSON-LD contexts its verifiers read RDFC proofs with (the bundled set, and the
    /// operator's pinned files given to `node start --context-pins`).
    package let contexts: LinkedDataContexts
    /// Serialises status-list allocation per issuer DID across this node's concurrent issuances.
    package let issuerLanes = IssuerLanes()
    /// Accounts' custodians once unlocked: a node answering issue and status requests would
    /// otherwise run Argon2id (or a PKCS#11 login) for every request of an account. One unlock
    /// per account at a time, and a growing back-off after a failure.
    private let unlocker: CustodianUnlocker<AccountCustody>

    /// The transaction handlers every node of this build knows.
    package static func handlers() -> TransactionHandlerRegistry {
        var registry = TransactionHandlerRegistry.chainDefaults(governance: GovernanceHandler(additional: [IssuerRegistryExecutor()]))
        for handler in DIDOperationHandler.all() { registry.register(handler) }
        for handler in CredentialHandlers.all() { registry.register(handler) }
        return registry
    }

    /// Resolves did:chancery DIDs of this chain and did:key DIDs, with a cache that serves a
    /// result only while the block it was read at is the head (this process is the data
    /// directory's only writer, so the head it knows is the ledger's).
    package func resolver() -> any DIDResolver {
        CachingResolver(CompositeResolver([DIDChancery.methodName: DIDChancery.Resolver(chainId: genesis.chainId, state: store),
                                           DIDKey.methodName: DIDKey.Resolver()]),
                        maxEntries: 10_000, timeToLive: .seconds(300), version: { [node] in node.height },
                        now: { [clock] in clock.nowMilliseconds() })
    }

    /// Whether a command will submit transactions through this runtime or only read.
    package enum Access {
        /// Reads chain state only; runs beside a node.
        case read
        /// Submits transactions; takes the data directory's ``WriterLock`` first.
        case write
    }

    package init(directory: DataDirectory, access: Access = .write, clock: any ChainClock = SystemClock(),
                 configuration: ChainNode.Configuration = .init(),
                 unlockBackoff: VaultLockoutPolicy = CustodianUnlocker<AccountCustody>.standardPolicy,
                 contexts: LinkedDataContexts = .bundled, remoteMembership: RemoteMembershipService? = nil) throws {
        if access == .write { try directory.lockForWriting() }
        self.directory = directory
        self.remoteMembership = remoteMembership
        self.clock = clock
        self.contexts = contexts
        unlocker = CustodianUnlocker(clock: { Date(timeIntervalSince1970: Double(clock.nowMilliseconds()) / 1000) },
                                     policy: unlockBackoff) { name in
            try await directory.custodian(for: try directory.account(name))
        }
        genesis = try directory.genesis()
        store = try directory.openStore()
        let suite = try genesis.suite()
        node = try ChainNode(store: store, nodeKey: directory.chainKey("node", suite: suite), handlers: Self.handlers(), clock: clock,
                             configuration: configuration)
        let schedule = EpochSchedule(epochSeconds: genesis.epochSeconds)
        let auditorKeys = try directory.auditorSealingKeys(genesis: genesis, epoch: schedule.epoch(atMilliseconds: clock.nowMilliseconds()))
        membership = try directory.hasKey("membership") ? MembershipService(
            chainId: genesis.chainId, key: try directory.chainKey("membership", suite: suite),
            auditorKeys: auditorKeys, schedule: schedule, members: store) : nil
        hasOperator = directory.hasKey("operator")
        if hasOperator { custodian.add(try directory.secp256k1Key("operator"), as: KeyReference("operator")) }
    }

    /// The chain's membership service, run by the node that holds its key.
    /// - Throws: `NodeError` on a node without it (one that joined a consortium).
    package var membershipService: MembershipService {
        get throws {
            guard let membership else {
                throw NodeError("This node does not hold the chain's membership-service key; start it with --membership-node URL "
                                + "(a node that holds it certifies this node's one-time keys), or ask that node for one-time keys.")
            }
            return membership
        }
    }

    package var schedule: EpochSchedule { EpochSchedule(epochSeconds: genesis.epochSeconds) }

    /// The custodian holding account `name`'s keys, unlocked once per process (the secret comes
    /// from the environment or a prompt, as ``DataDirectory/custodian(for:generating:)`` asks for it).
    /// - Throws: what unlocking threw; `KeyCustodyError.lockedOut` while backing off after a failure.
    package func custodian(account name: String) async throws -> AccountCustody {
        // A DID created through the node by a client (`did create --node`) adds a key to the
        // account's keystore or vault and record after this process opened it: open it again.
        // Keys are only ever added, so their count tells; comparing the lists cost a read of
        // every key per request.
        let count = try directory.didKeyCount(of: name)
        return try await unlocker.custody(of: name, isCurrent: { $0.didKeys.count == count })
    }

    /// Certified one-time keys for a member (the operator by default), by this node's membership
    /// service or, on a node without one, by the remote one it was given.
    /// - Parameter member: the custodian and key of the member the keys are for, which signs the
    ///   request; the operator when `nil`. The auditor later links the transactions to that member.
    /// - Throws: `NodeError` on a node without an operator key asked for the operator's, or
    ///   without any membership service; what the service refused.
    package func oneTimeKeys(count: Int, member: (custodian: any KeyCustodian, key: KeyReference)? = nil) async throws -> [OneTimeKeyCredential] {
        if member == nil, !hasOperator {
            throw NodeError("This node has no operator member (a node made by 'didctl init --genesis'): its transactions need "
                            + "an admitted member's account, such as 'node start --audit-member ACCOUNT' for audit records.")
        }
        let (memberCustodian, memberKey) = member ?? (custodian, KeyReference("operator"))
        let handle = MemberHandle(publicKey: try await memberCustodian.publicKey(for: memberKey))
        let issuer = OneTimeKeyIssuer(chainId: genesis.chainId, memberHandle: handle, custodian: memberCustodian, key: memberKey,
                                      suite: node.suite)
        let now = clock.nowMilliseconds()
        let epoch = schedule.epoch(atMilliseconds: now)
        var credentials: [OneTimeKeyCredential] = []
        while credentials.count < count {
            let batch = min(1_000, count - credentials.count)
            let (keys, request) = try await issuer.request(count: batch, epoch: epoch, time: now)
            let issued = if membership == nil, let remoteMembership {
                try await remoteMembership.certify(request)
            } else {
                try membershipService.certify(request, now: now)
            }
            credentials += OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch, issued: issued)
        }
        return credentials
    }
}
