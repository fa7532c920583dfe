public import Chain

/// The result of submitting a client-signed transaction (`POST /transactions`).
public enum TransactionOutcome: Sendable, Hashable {
    /// Committed in a durable block (200).
    case committed(TransactionCommit)
    /// Passed the stateless checks and queued; the client asked not to wait (202, with the
    /// transaction's location).
    case accepted(TransactionID)
    /// Not a transaction: bad encoding or trailing bytes (400).
    case malformed(String)
    /// The chain refused it; `code` is its refusal code (`specs/chain.md` §8) (422).
    case refused(code: String, reason: String)
    /// The node cannot take transactions now, through no fault of the request (503).
    case unavailable(String)
    /// The node's disk is full or its file size limit reached; retry when space returns (507).
    case insufficientStorage(String)
    /// The node itself failed (storage). The text is for the node's log only (500).
    case failed(String)
}

/// Where a committed transaction is.
public struct TransactionCommit: Sendable, Hashable {
    /// The transaction's id, `H(wire bytes)`.
    public let transactionId: TransactionID
    /// The height of its block.
    public let height: UInt64
    /// Its position in the block.
    public let index: Int
    /// The block's time, milliseconds since 1970.
    public let time: UInt64
    /// The block header's hash.
    public let blockHash: [UInt8]

    /// A commit at `height`, `index` of the block with `blockHash`.
    public init(transactionId: TransactionID, height: UInt64, index: Int, time: UInt64, blockHash: [UInt8]) {
        self.transactionId = transactionId
        self.height = height
        self.index = index
        self.time = time
        self.blockHash = blockHash
    }
}

/// What the node knows of a transaction (`GET /transactions/{id}`).
public enum TransactionState: Sendable, Hashable {
    /// Accepted by this node and not yet in a block.
    case pending
    /// In a committed block.
    case committed(TransactionCommit)
    /// Accepted, then refused when ordered (another transaction spent its key first, the
    /// state changed); `code` is the refusal code.
    case refused(code: String, reason: String)
}
