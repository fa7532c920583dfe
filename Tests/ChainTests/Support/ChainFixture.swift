import Chain
import Foundation
import KeyCustody
import Primitives

/// A complete small chain for tests: committee, membership service, auditor, one node and two
/// members, over an in-memory or SQLite store, with a `test.put` transaction type.
final class ChainFixture: @unchecked Sendable {
    let chainId = "test-chain"
    let clock: ManualClock
    let committeeKeys: [Secp256k1PrivateKey]
    let membershipKey = Secp256k1PrivateKey()
    let auditorKey = X25519PrivateKey()
    let nodeKey = Secp256k1PrivateKey()
    let custodian = InMemoryCustodian()
    let members = ["alice", "bob"]
    let genesis: Genesis
    let store: any BlockStore
    let node: ChainNode
    let membershipService: MembershipService
    let directory: URL?

    static let genesisTime: UInt64 = 1_763_712_000_000

    /// - Parameters:
    ///   - sqlite: use a SQLite file in a fresh temporary directory instead of memory.
    ///   - committee: committee size; `threshold` approvals needed.
    init(sqlite: Bool = false, committee: Int = 1, threshold: Int = 1, epochSeconds: UInt64 = 86_400,
         configuration: ChainNode.Configuration = .init()) throws {
        clock = ManualClock(Self.genesisTime)
        committeeKeys = (0..<committee).map { _ in Secp256k1PrivateKey() }
        var memberRecords: [MemberRecord] = []
        for name in members {
            let publicKey = custodian.generate(KeyReference(name))
            memberRecords.append(MemberRecord(handle: MemberHandle(publicKey: publicKey).description, name: name,
                                              publicKey: Hex.encode(publicKey.compressedRepresentation), custody: "partial"))
        }
        genesis = Genesis(
            chainId: chainId, time: Self.genesisTime, epochSeconds: epochSeconds,
            committee: committeeKeys.enumerated().map { CommitteeMember(id: "c\($0.offset)", publicKey: Hex.encode($0.element.publicKey.compressedRepresentation)) },
            threshold: threshold, membershipService: Hex.encode(membershipKey.publicKey.xOnly.rawRepresentation),
            auditors: [AuditorRecord(id: "auditor", encryptionKey: Hex.encode(auditorKey.publicKey.rawRepresentation),
                                     signingKey: Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation))],
            nodes: [Hex.encode(nodeKey.publicKey.xOnly.rawRepresentation)], members: memberRecords)
        if sqlite {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-chain-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            directory = dir
            store = try SQLiteBlockStore(path: dir.appendingPathComponent("ledger.sqlite").path)
        } else {
            directory = nil
            store = InMemoryBlockStore()
        }
        node = try ChainNode.create(store: store, genesis: genesis, nodeKey: nodeKey, handlers: Self.handlers(),
                                    clock: clock, configuration: configuration)
        membershipService = MembershipService(chainId: chainId, key: membershipKey, auditorKey: auditorKey.publicKey,
                                              schedule: EpochSchedule(epochSeconds: epochSeconds), members: store)
    }

    deinit {
        node.shutdown()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    static func handlers() -> TransactionHandlerRegistry {
        var registry = TransactionHandlerRegistry.chainDefaults()
        registry.register(TestPutHandler())
        return registry
    }

    var epoch: UInt64 { EpochSchedule(epochSeconds: genesis.epochSeconds).epoch(atMilliseconds: clock.nowMilliseconds()) }

    func handle(_ member: String) async throws -> MemberHandle {
        MemberHandle(publicKey: try await custodian.publicKey(for: KeyReference(member)))
    }

    /// Certified one-time keys for `member`.
    func oneTimeKeys(_ member: String, count: Int) async throws -> [OneTimeKeyCredential] {
        let issuer = OneTimeKeyIssuer(chainId: chainId, memberHandle: try await handle(member), custodian: custodian,
                                      key: KeyReference(member))
        let now = clock.nowMilliseconds()
        let (keys, request) = try await issuer.request(count: count, epoch: epoch, time: now)
        let issued = try membershipService.certify(request, now: now)
        return OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch, issued: issued)
    }

    /// A signed `test.put` transaction of `member`.
    func put(_ text: String, by member: String = "alice") async throws -> Transaction {
        try Transaction(type: TestPutHandler.transactionType, body: Array(text.utf8), chainId: chainId,
                        oneTimeKey: try await oneTimeKeys(member, count: 1)[0])
    }

    /// A `gov.approve` transaction by committee member `index`.
    func approval(_ action: GovernanceAction, by index: Int, submitter: String = "alice") async throws -> Transaction {
        let approval = try GovernanceApproval(action: action, approver: "c\(index)", key: committeeKeys[index], chainId: chainId)
        return try Transaction(type: .governanceApproval, body: approval.body, chainId: chainId,
                               oneTimeKey: try await oneTimeKeys(submitter, count: 1)[0])
    }
}

/// `test.put`: stores its body under its SHA-256 in namespace `test`; refuses bodies that start
/// with "refuse" (stateful) and empty bodies (structure).
struct TestPutHandler: TransactionHandler {
    static let transactionType: TransactionType = "test.put"
    let type = TestPutHandler.transactionType

    func validateStructure(of transaction: Transaction) throws {
        guard !transaction.body.isEmpty else { throw ChainError.invalidBody("test.put needs a body.") }
    }

    func apply(_ transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        guard !transaction.body.starts(with: Array("refuse".utf8)) else { throw ChainError.unauthorized("refused by test handler") }
        state.put(namespace: "test", key: Hash.sha256(transaction.body), value: transaction.body)
    }
}
