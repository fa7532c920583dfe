package import Chain
package import Foundation
package import KeyCustody
package import Primitives

/// A complete small chain for tests: committee, membership service, auditor, one node and two
/// members, over an in-memory or SQLite store, with a `test.put` transaction type.
package final class ChainFixture: @unchecked Sendable {
    package let chainId = "test-chain"
    package let clock: ManualClock
    package let committeeKeys: [Secp256k1PrivateKey]
    /// The chain's crypto suite: the membership-service, node and one-time keys are of its scheme.
    package let suite: ChainCryptoSuite
    package let membershipKey: SigningKey
    package let auditorKey = X25519PrivateKey()
    package let nodeKey: SigningKey
    package let custodian = InMemoryCustodian()
    package let members = ["alice", "bob"]
    package let genesis: Genesis
    package let directory: URL?
    package let sqliteOptions: SQLiteBlockStore.Options
    package let configuration: ChainNode.Configuration
    /// The transaction handlers of this chain: the chain's own, `test.put`, and any extra ones.
    package let handlers: TransactionHandlerRegistry

    /// What `close()` releases and `restart()` opens again. Replaced only from the test's own
    /// task while no submission is running, so the unchecked sendability holds.
    private struct Running {
        let store: any BlockStore
        let node: ChainNode
        let membershipService: MembershipService
    }
    private var running: Running?

    package static let genesisTime: UInt64 = 1_763_712_000_000

    /// The suite of a fixture that names none: standard, or sm when `CHANCERY_TEST_CRYPTO=sm`
    /// (`make test` runs the chain's tests a second time so, specs/chain.md §9).
    package static var defaultSuite: ChainCryptoSuite {
        ProcessInfo.processInfo.environment["CHANCERY_TEST_CRYPTO"] == "sm" ? .sm : .standard
    }

    /// - Parameters:
    ///   - sqlite: use a SQLite file in a fresh temporary directory instead of memory.
    ///   - committee: committee size; `threshold` approvals needed.
    ///   - sqliteOptions: options of the SQLite store (to cap its size).
    ///   - suite: the chain's crypto suite: ``defaultSuite`` unless a test runs in both.
    ///   - stateVersion: the genesis state rules: a new chain's unless a test runs an older one.
    package init(sqlite: Bool = false, committee: Int = 1, threshold: Int = 1, epochSeconds: UInt64 = 86_400,
         configuration: ChainNode.Configuration = .init(), sqliteOptions: SQLiteBlockStore.Options = .init(),
         extraHandlers: [any TransactionHandler] = [], suite: ChainCryptoSuite = ChainFixture.defaultSuite,
         stateVersion: Int = Genesis.currentStateVersion) throws {
        self.suite = suite
        membershipKey = suite.signature.generateKey()
        nodeKey = suite.signature.generateKey()
        handlers = Self.handlers(extra: extraHandlers)
        clock = ManualClock(Self.genesisTime)
        committeeKeys = (0..<committee).map { _ in Secp256k1PrivateKey() }
        self.configuration = configuration
        self.sqliteOptions = sqliteOptions
        var memberRecords: [MemberRecord] = []
        for name in members {
            let publicKey = custodian.generate(KeyReference(name))
            memberRecords.append(try MemberRecord(profile: MemberProfile(name: name, publicKey: publicKey), custody: "partial",
                                                  sealedTo: auditorKey.publicKey, epoch: 0))
        }
        genesis = Genesis(
            chainId: chainId, time: Self.genesisTime, epochSeconds: epochSeconds,
            committee: committeeKeys.enumerated().map { CommitteeMember(id: "c\($0.offset)", publicKey: Hex.encode($0.element.publicKey.compressedRepresentation)) },
            threshold: threshold, membershipService: Hex.encode(membershipKey.publicKey),
            auditors: [AuditorRecord(id: "auditor", encryptionKey: Hex.encode(auditorKey.publicKey.rawRepresentation),
                                     signingKey: Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation))],
            nodes: [Hex.encode(nodeKey.publicKey)], members: memberRecords, suite: suite, stateVersion: stateVersion)
        let store: any BlockStore
        if sqlite {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-chain-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            directory = dir
            store = try SQLiteBlockStore(path: dir.appendingPathComponent("ledger.sqlite").path, options: sqliteOptions)
        } else {
            directory = nil
            store = InMemoryBlockStore()
        }
        let node = try ChainNode.create(store: store, genesis: genesis, nodeKey: nodeKey, handlers: handlers,
                                        clock: clock, configuration: configuration)
        running = Running(store: store, node: node, membershipService: membershipService(reading: store))
    }

    deinit {
        running?.node.shutdown()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    package static func handlers(extra: [any TransactionHandler] = []) -> TransactionHandlerRegistry {
        var registry = TransactionHandlerRegistry.chainDefaults()
        registry.register(TestPutHandler())
        for handler in extra { registry.register(handler) }
        return registry
    }

    package var store: any BlockStore { opened().store }
    package var node: ChainNode { opened().node }
    package var membershipService: MembershipService { opened().membershipService }

    private func opened() -> Running {
        guard let running else { preconditionFailure("The fixture's chain is closed; call restart() first.") }
        return running
    }

    /// The SQLite ledger file, for a SQLite fixture.
    package var ledgerPath: String? { directory?.appendingPathComponent("ledger.sqlite").path }

    /// A membership service of this chain reading `store`, with an optional issuance log.
    package func membershipService(reading store: any BlockStore, key: SigningKey? = nil,
                           log: (@Sendable ([UInt8]) throws -> Void)? = nil) -> MembershipService {
        MembershipService(chainId: chainId, key: key ?? membershipKey, auditorKey: auditorKey.publicKey,
                          schedule: EpochSchedule(epochSeconds: genesis.epochSeconds), members: store, log: log)
    }

    /// Submits a transaction of any registered type by `member` under a fresh one-time key.
    package func submit(type: TransactionType, body: [UInt8], by member: String = "alice") async throws -> TransactionReceipt {
        let transaction = try Transaction(type: type, body: body, chainId: chainId, oneTimeKey: try await oneTimeKeys(member, count: 1)[0])
        return try await node.submit(transaction)
    }

    /// Stops the node and releases it with its store, as when the process exits.
    package func close() {
        guard let closing = running else { return }
        running = nil
        closing.node.shutdown()
    }

    /// Closes the chain and opens it again from its SQLite file with a new store and node, as
    /// after a process restart.
    package func restart() throws {
        guard let ledgerPath else { preconditionFailure("Only a SQLite fixture can restart.") }
        close()
        let store = try SQLiteBlockStore(path: ledgerPath, options: sqliteOptions)
        let node = try ChainNode(store: store, nodeKey: nodeKey, handlers: handlers, clock: clock,
                                 configuration: configuration)
        running = Running(store: store, node: node, membershipService: membershipService(reading: store))
    }

    package var epoch: UInt64 { EpochSchedule(epochSeconds: genesis.epochSeconds).epoch(atMilliseconds: clock.nowMilliseconds()) }

    package func handle(_ member: String) async throws -> MemberHandle {
        MemberHandle(publicKey: try await custodian.publicKey(for: KeyReference(member)))
    }

    /// The `admitMember` action for a member named `name` with long-term key `publicKey`: its
    /// profile sealed to this chain's auditor.
    package func admission(_ name: String, publicKey: Secp256k1PublicKey, custody: String = "partial") throws -> GovernanceAction {
        try MemberRecord(profile: MemberProfile(name: name, publicKey: publicKey), custody: custody,
                         sealedTo: auditorKey.publicKey, epoch: epoch).admission
    }

    /// A one-time key request for `member`'s handle, signed with the custodian key `signer`
    /// (the member's own by default), for the current epoch and time unless given.
    package func request(_ member: String, count: Int, epoch: UInt64? = nil, time: UInt64? = nil, signer: String? = nil) async throws
        -> (keys: [SigningKey], request: OneTimeKeyRequest)
    {
        let issuer = OneTimeKeyIssuer(chainId: chainId, memberHandle: try await handle(member), custodian: custodian,
                                      key: KeyReference(signer ?? member), suite: suite)
        return try await issuer.request(count: count, epoch: epoch ?? self.epoch, time: time ?? clock.nowMilliseconds())
    }

    /// Certified one-time keys for `member`.
    package func oneTimeKeys(_ member: String, count: Int) async throws -> [OneTimeKeyCredential] {
        let (keys, request) = try await request(member, count: count)
        let issued = try membershipService.certify(request, now: clock.nowMilliseconds())
        return OneTimeKeyIssuer.credentials(keys: keys, epoch: request.epoch, issued: issued)
    }

    /// A signed `test.put` transaction of `member`.
    package func put(_ text: String, by member: String = "alice") async throws -> Transaction {
        try Transaction(type: TestPutHandler.transactionType, body: Array(text.utf8), chainId: chainId,
                        oneTimeKey: try await oneTimeKeys(member, count: 1)[0])
    }

    /// A `gov.approve` transaction by committee member `index`.
    package func approval(_ action: GovernanceAction, by index: Int, submitter: String = "alice") async throws -> Transaction {
        try await approval(action, approver: "c\(index)", key: committeeKeys[index], submitter: submitter)
    }

    /// A `gov.approve` transaction naming `approver`, signed with `key`.
    package func approval(_ action: GovernanceAction, approver: String, key: Secp256k1PrivateKey,
                  submitter: String = "alice") async throws -> Transaction {
        let approval = try GovernanceApproval(action: action, approver: approver, key: key, chainId: chainId)
        return try Transaction(type: .governanceApproval, body: approval.body, chainId: chainId,
                               oneTimeKey: try await oneTimeKeys(submitter, count: 1)[0])
    }

    /// Every committed entry of `namespaces`, to compare state before and after a refusal.
    package func snapshot(_ namespaces: [String]) throws -> [String: [[UInt8]: [UInt8]]] {
        var result: [String: [[UInt8]: [UInt8]]] = [:]
        for namespace in namespaces {
            let entries = try store.entries(namespace: namespace, prefix: [])
            result[namespace] = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        }
        return result
    }
}

/// `test.put`: stores its body under its SHA-256 in namespace `test`; refuses bodies that start
/// with "refuse" (stateful) and empty bodies (structure).
package struct TestPutHandler: TransactionHandler {
    package static let transactionType: TransactionType = "test.put"
    package let type = TestPutHandler.transactionType

    package func prepare(_ transaction: Transaction) throws {
        guard !transaction.body.isEmpty else { throw ChainError.invalidBody("test.put needs a body.") }
    }

    package func apply(_ prepared: Void, of transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        guard !transaction.body.starts(with: Array("refuse".utf8)) else { throw ChainError.unauthorized("refused by test handler") }
        state.put(namespace: "test", key: Hash.sha256(transaction.body), value: transaction.body)
    }
}
