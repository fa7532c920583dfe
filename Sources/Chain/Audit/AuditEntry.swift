/// One line of the auditor's private index: which member submitted a transaction, and where
/// and when it was committed (`specs/audit.md` §2).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// The member whose one-time key signed the transaction, from the opened envelope.
    public let memberHandle: MemberHandle
    /// The transaction.
    public let transactionId: TransactionID
    /// The height of its block.
    public let height: UInt64
    /// Its position in the block.
    public let index: Int
    /// Its type.
    public let type: TransactionType
    /// The membership epoch of its one-time key.
    public let epoch: UInt64
    /// The block's time in milliseconds since 1970.
    public let time: UInt64

    /// Creates an entry.
    public init(memberHandle: MemberHandle, transactionId: TransactionID, height: UInt64, index: Int,
                type: TransactionType, epoch: UInt64, time: UInt64) {
        self.memberHandle = memberHandle
        self.transactionId = transactionId
        self.height = height
        self.index = index
        self.type = type
        self.epoch = epoch
        self.time = time
    }
}
