import Foundation
public import Primitives

/// One chain node: it checks submitted transactions, orders them into blocks, and commits
/// them durably to its store.
///
/// ```swift
/// let node = try ChainNode.create(store: store, genesis: genesis, nodeKey: key, clock: SystemClock())
/// let receipt = try await node.submit(transaction)   // returns once committed
/// ```
public final class ChainNode: Sendable {
    /// The chain's id.
    public let chainId: String
    /// The genesis document.
    public let genesis: Genesis
    /// The ledger.
    public let store: any BlockStore
    /// The registered transaction handlers.
    public let handlers: TransactionHandlerRegistry
    /// The chain's crypto suite, from genesis (`specs/chain.md` §9).
    public let suite: ChainCryptoSuite
    private let membershipServiceKey: MembershipServiceKey
    private let orderer: any BlockOrdering

    /// Node settings.
    public struct Configuration: Sendable {
        /// Transactions per block at most.
        public var maximumBatch = 2_000
        /// Milliseconds a block stays open after its first transaction.
        public var maximumDelayMilliseconds = 20
        /// A block closes early when no transaction arrived for this long.
        public var idleGapMicroseconds = 1_000
        /// Transactions waiting for a block at most (25 full blocks): beyond it a submission is
        /// refused at once as `unavailable` ("retry shortly") instead of queueing without bound.
        public var maximumQueued = 50_000
        /// Ordering from a consortium's shared log (`specs/consortium.md`); `nil` orders solo.
        public var logOrdering: LogOrdering?
        /// The defaults.
        public init() {}
    }

    /// Creates the chain in an empty store: validates genesis and commits block 0.
    /// - Parameters:
    ///   - nodeKey: this node's key, of the scheme of genesis's crypto suite.
    /// - Throws: `ChainError.alreadyExists` if the store holds a chain, `.invalidGenesis`,
    ///   `.wrongCryptoSuite` for a node key of the other suite.
    public static func create(store: any BlockStore, genesis: Genesis, nodeKey: SigningKey,
                              handlers: TransactionHandlerRegistry = .chainDefaults(), clock: any ChainClock,
                              configuration: Configuration = Configuration()) throws -> ChainNode {
        try genesis.validate()
        let suite = try genesis.suite()
        guard try store.head() == nil else {
            throw ChainError(.alreadyExists, "The data directory already holds a chain; use a new directory or open this one.")
        }
        let genesisHash = try genesis.hash()
        _ = try store.append(genesis: genesis) { _ in
            let state = StateTransaction(base: EmptyState())
            try genesis.apply(to: state)
            let header = BlockHeader(
                suite: suite, chainId: genesis.chainId, height: 0, previousHash: genesisHash,
                transactionsRoot: MerkleTree(leaves: [], hashFunction: suite.hash).root,
                stateRoot: StateCommitment.next(previous: StateCommitment.initial, writes: state.writes, suite: suite),
                time: genesis.time, proposer: try Self.genesisProposer(of: genesis), transactionCount: 0)
            return (Block(signedHeader: try SignedBlockHeader(header: header, signedBy: nodeKey), transactions: []), state.writes)
        }
        return try ChainNode(store: store, nodeKey: nodeKey, handlers: handlers, clock: clock, configuration: configuration)
    }

    /// Creates a chain of the standard suite with a secp256k1 node key.
    /// - Throws: as the form taking a `SigningKey`.
    public static func create(store: any BlockStore, genesis: Genesis, nodeKey: Secp256k1PrivateKey,
                              handlers: TransactionHandlerRegistry = .chainDefaults(), clock: any ChainClock,
                              configuration: Configuration = Configuration()) throws -> ChainNode {
        try create(store: store, genesis: genesis, nodeKey: SigningKey.bip340(nodeKey), handlers: handlers, clock: clock,
                   configuration: configuration)
    }

    /// Opens an existing chain without replaying it: state is materialised in the store.
    /// - Parameters:
    ///   - nodeKey: this node's key, of the scheme of the chain's crypto suite.
    /// - Throws: `ChainError.notFound` for an empty store, `.corruptLedger`, `.wrongCryptoSuite`
    ///   for a node key of the other suite.
    public init(store: any BlockStore, nodeKey: SigningKey, handlers: TransactionHandlerRegistry = .chainDefaults(),
                clock: any ChainClock, configuration: Configuration = Configuration()) throws {
        guard let genesis = try store.genesis(), let head = try store.head() else {
            throw ChainError(.notFound, "The store holds no chain; run 'didctl init' first.")
        }
        self.chainId = genesis.chainId
        self.genesis = genesis
        self.store = store
        self.handlers = handlers
        self.suite = try genesis.suite()
        let membershipServiceKey = try genesis.membershipServiceKey()
        self.membershipServiceKey = membershipServiceKey
        guard nodeKey.scheme == suite.signature else {
            throw suite.refusal(of: "node key", in: ChainCryptoSuite(signingWith: nodeKey.scheme))
        }
        let builder = BlockBuilder(applier: TransactionApplier(genesis: genesis, handlers: handlers), nodeKey: nodeKey, suite: suite)
        if let logOrdering = configuration.logOrdering {
            let checker = TransactionChecker(chainId: genesis.chainId, membershipServiceKey: membershipServiceKey, handlers: handlers)
            orderer = try LogOrderer(store: store, builder: builder, clock: clock, head: head.header,
                                     limits: .init(maximumBatch: min(configuration.maximumBatch, LogEntry.maximumTransactions),
                                                   maximumDelayMilliseconds: configuration.maximumDelayMilliseconds,
                                                   idleGapMicroseconds: configuration.idleGapMicroseconds,
                                                   maximumQueued: configuration.maximumQueued),
                                     setting: logOrdering, check: { transaction in Result { () throws(ChainError) in try checker.checked(transaction) } })
        } else {
            orderer = SoloOrderer(store: store, builder: builder, clock: clock, head: head.header,
                                  limits: .init(maximumBatch: configuration.maximumBatch,
                                                maximumDelayMilliseconds: configuration.maximumDelayMilliseconds,
                                                idleGapMicroseconds: configuration.idleGapMicroseconds,
                                                maximumQueued: configuration.maximumQueued))
        }
    }

    /// Block 0's proposer: the first node genesis names (`specs/consortium.md` §4), so that
    /// every node made from one genesis document has the same block 0.
    static func genesisProposer(of genesis: Genesis) throws(ChainError) -> [UInt8] {
        guard let first = genesis.nodes.first, let key = try? Hex.decode(first) else {
            throw ChainError(.invalidGenesis, "Genesis must name at least one node.")
        }
        return key
    }

    /// The highest height under which every block is final: the applied height in solo mode;
    /// in a consortium, where a quorum of admitted nodes signed each header (`specs/consortium.md` §5).
    public var finalHeight: UInt64 { orderer.finalHeight }

    /// The divergence this node found and stopped signing for (`specs/consortium.md` §6), if any.
    public var divergence: DivergenceAlert? { orderer.divergence }

    /// The latest committed block header.
    public var head: BlockHeader { orderer.latestHeader }

    /// The height of the latest committed block: what caches of chain state are scoped to,
    /// read without copying the header.
    public var height: UInt64 { orderer.latestHeight }

    /// The orderer's counters since the node started.
    public var statistics: OrdererStatistics { orderer.currentStatistics }

    /// Checks a transaction's structure and signatures, then orders and commits it.
    /// - Returns: the receipt, once the block holding it is durable.
    /// - Throws: `ChainError` with the refusal's code (`specs/chain.md` §8).
    public func submit(_ transaction: Transaction) async throws -> TransactionReceipt {
        try await orderer.submit(try check(transaction))
    }

    /// Opens an existing chain of the standard suite with a secp256k1 node key.
    /// - Throws: as the form taking a `SigningKey`.
    public convenience init(store: any BlockStore, nodeKey: Secp256k1PrivateKey, handlers: TransactionHandlerRegistry = .chainDefaults(),
                            clock: any ChainClock, configuration: Configuration = Configuration()) throws {
        try self.init(store: store, nodeKey: SigningKey.bip340(nodeKey), handlers: handlers, clock: clock, configuration: configuration)
    }

    /// Orders and commits a transaction that already passed ``check(_:)``: a submitter that
    /// answers once the checks pass (`POST /transactions` with `Prefer: respond-async`) checks
    /// first and commits later, without parsing or verifying it a second time.
    /// - Returns: the receipt, once the block holding it is durable.
    /// - Throws: `ChainError` with the stateful refusal's code, or `unavailable`.
    public func submit(checked transaction: CheckedTransaction) async throws -> TransactionReceipt {
        try await orderer.submit(transaction)
    }

    /// Decodes wire bytes and submits them.
    /// - Throws: `ChainError` (`malformedTransaction`, `oversizedTransaction`, or a refusal).
    public func submit(encoded: [UInt8]) async throws -> TransactionReceipt {
        try await submit(try Transaction(decoding: encoded))
    }

    /// The stateless checks (`specs/chain.md` §2.5 steps 1-4), run on the caller's task so that
    /// concurrent submitters spread them over every core; what the handler computed travels
    /// with the result to apply (§2.6).
    /// - Returns: the transaction with its handler's prepared value, for ``submit(checked:)``.
    /// - Throws: `ChainError` with the stateless refusal's code.
    @discardableResult
    public func check(_ transaction: Transaction) throws -> CheckedTransaction {
        try TransactionChecker(chainId: chainId, membershipServiceKey: membershipServiceKey, handlers: handlers).checked(transaction)
    }

    /// Commits what is queued and stops ordering; later submissions fail with `unavailable`.
    public func shutdown() { orderer.stop() }
}

/// State before genesis.
private struct EmptyState: StateReader {
    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? { nil }
    func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] { [] }
}

extension TransactionHandlerRegistry {
    /// A registry with the chain's own handlers (governance approvals, anchors, audit-query
    /// records, delegation grants and revocations).
    public static func chainDefaults(governance: GovernanceHandler = GovernanceHandler()) -> TransactionHandlerRegistry {
        var registry = TransactionHandlerRegistry()
        registry.register(governance)
        registry.register(AnchorHandler())
        registry.register(AuditQueryHandler())
        for handler in DelegationHandler.all() { registry.register(handler) }
        return registry
    }
}
