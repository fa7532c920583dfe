/// Where a node keeps its ledger and world state. Appending a block is atomic: the block, its
/// transactions and its state writes are all stored, or none are (`specs/chain.md` §6).
///
/// ``SQLiteBlockStore`` is the durable implementation; ``InMemoryBlockStore`` is a real,
/// non-durable one for fast tests.
public protocol BlockStore: StateReader {
    /// The genesis document this ledger was created from, or `nil` for an empty store.
    /// - Throws: `ChainError.storageFailure` or `.corruptLedger`.
    func genesis() throws -> Genesis?

    /// The latest block's signed header, or `nil` before genesis.
    func head() throws -> SignedBlockHeader?

    /// The signed header at `height`, or `nil`.
    func signedHeader(at height: UInt64) throws -> SignedBlockHeader?

    /// The transactions of the block at `height`, in block order.
    func transactions(at height: UInt64) throws -> [Transaction]

    /// Where a transaction was committed, or `nil` if it was not.
    func location(of id: TransactionID) throws -> (height: UInt64, index: Int)?

    /// Atomically builds and stores the next block. `build` runs inside the store's write
    /// transaction and reads committed state through the reader it is given, so nothing can
    /// change between validation and commit.
    /// - Parameter build: returns the block and its ordered state writes.
    /// - Returns: the stored block.
    /// - Throws: whatever `build` throws (nothing is stored), or `ChainError.storageFailure`,
    ///   `.diskFull` when the store cannot commit.
    func append(genesis: Genesis?, build: (any StateReader) throws -> (Block, [StateWrite])) throws -> Block

    /// Replaces the signatures stored with the headers at the given heights, in one commit: a
    /// consortium node stores a block with its own signature and adds the others' once the
    /// block is final (`specs/consortium.md` §5). The headers themselves never change.
    /// - Throws: `ChainError.notFound` for a height not stored (nothing is replaced);
    ///   `.storageFailure`.
    func replaceSignatures(_ byHeight: [(height: UInt64, signatures: [NodeSignature])]) throws

    /// Calls `body` with every stored state entry, grouped by namespace (in name order); within
    /// a namespace ordered by key, except that a SQLite ledger passes the entries it keeps in
    /// its lookup table (`specs/chain.md` §6.3) after the others, each group in key order.
    func forEachStateEntry(_ body: (StateWrite) throws -> Void) throws
}

extension BlockStore {
    /// Replaces the signatures stored with the header at `height` (``replaceSignatures(_:)``).
    /// - Throws: `ChainError.notFound` for a height not stored; `.storageFailure`.
    public func replaceSignatures(_ signatures: [NodeSignature], at height: UInt64) throws {
        try replaceSignatures([(height, signatures)])
    }
}
