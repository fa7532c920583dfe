import Foundation

/// A ``BlockStore`` in memory: the same semantics as ``SQLiteBlockStore`` without durability,
/// for unit tests and benchmarks of everything above storage.
public final class InMemoryBlockStore: BlockStore, @unchecked Sendable {
    // Guarded by `lock`; @unchecked because NSLock-protected state is safe to share.
    private let lock = NSLock()
    private var storedGenesis: Genesis?
    private var headers: [SignedBlockHeader] = []
    private var blockTransactions: [[Transaction]] = []
    private var locations: [TransactionID: (UInt64, Int)] = [:]
    private var state: [String: [[UInt8]: [UInt8]]] = [:]

    /// Creates an empty store.
    public init() {}

    public func genesis() throws -> Genesis? { lock.withLock { storedGenesis } }
    public func head() throws -> SignedBlockHeader? { lock.withLock { headers.last } }

    public func signedHeader(at height: UInt64) throws -> SignedBlockHeader? {
        lock.withLock { height < headers.count ? headers[Int(height)] : nil }
    }

    public func transactions(at height: UInt64) throws -> [Transaction] {
        lock.withLock { height < blockTransactions.count ? blockTransactions[Int(height)] : [] }
    }

    public func location(of id: TransactionID) throws -> (height: UInt64, index: Int)? {
        lock.withLock { locations[id].map { (height: $0.0, index: $0.1) } }
    }

    public func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        lock.withLock { state[namespace]?[key] }
    }

    public func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        lock.withLock { Self.entries(of: state[namespace], prefix: prefix) }
    }

    private static func entries(of namespace: [[UInt8]: [UInt8]]?, prefix: [UInt8]) -> [(key: [UInt8], value: [UInt8])] {
        (namespace ?? [:]).filter { $0.key.starts(with: prefix) }.map { (key: $0.key, value: $0.value) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }

    public func append(genesis: Genesis?, build: (any StateReader) throws -> (Block, [StateWrite])) throws -> Block {
        lock.lock()
        defer { lock.unlock() }
        let (block, writes) = try build(UnlockedReader(store: self))
        if let genesis { storedGenesis = genesis }
        headers.append(block.signedHeader)
        blockTransactions.append(block.transactions)
        for (index, transaction) in block.transactions.enumerated() { locations[transaction.id] = (block.height, index) }
        for write in writes { state[write.namespace, default: [:]][write.key] = write.value }
        return block
    }

    public func replaceSignatures(_ byHeight: [(height: UInt64, signatures: [NodeSignature])]) throws {
        try lock.withLock {
            if let missing = byHeight.first(where: { $0.height >= headers.count }) {
                throw ChainError(.notFound, "No block \(missing.height) is stored.")
            }
            for (height, signatures) in byHeight {
                headers[Int(height)] = SignedBlockHeader(header: headers[Int(height)].header, signatures: signatures)
            }
        }
    }

    public func forEachStateEntry(_ body: (StateWrite) throws -> Void) throws {
        let snapshot = lock.withLock { state }
        for namespace in snapshot.keys.sorted() {
            for (key, value) in snapshot[namespace]!.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                try body(StateWrite(namespace: namespace, key: key, value: value))
            }
        }
    }

    /// Reads state while `append` holds the lock.
    private struct UnlockedReader: StateReader, @unchecked Sendable {
        let store: InMemoryBlockStore
        func value(namespace: String, key: [UInt8]) throws -> [UInt8]? { store.state[namespace]?[key] }
        func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
            InMemoryBlockStore.entries(of: store.state[namespace], prefix: prefix)
        }
    }
}
