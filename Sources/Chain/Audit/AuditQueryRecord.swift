/// An audit query as the ledger recorded it: the auditor's signed request and where its
/// `audit.query` transaction was committed. The answer to a `log` query lists these.
public struct AuditQueryRecord: Sendable, Hashable {
    /// The recorded request: who asked, what, and when.
    public let request: SignedAuditRequest
    /// The `audit.query` transaction.
    public let transactionId: TransactionID
    /// The height of its block.
    public let height: UInt64
    /// Its position in the block.
    public let index: Int
    /// The block's time in milliseconds since 1970.
    public let time: UInt64

    /// Creates a record.
    public init(request: SignedAuditRequest, transactionId: TransactionID, height: UInt64, index: Int, time: UInt64) {
        self.request = request
        self.transactionId = transactionId
        self.height = height
        self.index = index
        self.time = time
    }
}
