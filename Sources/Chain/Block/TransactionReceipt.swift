/// What a submitter gets back once its transaction is committed durably.
public struct TransactionReceipt: Sendable, Hashable, Codable {
    /// The transaction's id.
    public let transactionId: TransactionID
    /// The height of the block that holds it.
    public let height: UInt64
    /// Its position in that block.
    public let index: Int
    /// The block's time in milliseconds since 1970.
    public let time: UInt64

    /// A receipt as a node reported it (`POST /transactions`).
    public init(transactionId: TransactionID, height: UInt64, index: Int, time: UInt64) {
        self.transactionId = transactionId
        self.height = height
        self.index = index
        self.time = time
    }
}
