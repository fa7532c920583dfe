/// A committed transaction whose envelope the auditor could not trust: it does not open with
/// the epoch's auditor key, or it names another one-time key or epoch than the transaction.
/// Either means the membership service certified an envelope it should not have.
public struct AuditAnomaly: Sendable, Hashable, Codable {
    /// What was wrong; a struct so that kinds can be added.
    public struct Kind: Hashable, Sendable, Codable, CustomStringConvertible {
        /// The stable name.
        public let name: String
        package init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The epoch's auditor key does not open the envelope.
        public static let unopenableEnvelope = Kind("unopenableEnvelope")
        /// The envelope opens but seals another one-time key or epoch: a forged envelope.
        public static let envelopeMismatch = Kind("envelopeMismatch")
    }

    /// The transaction.
    public let transactionId: TransactionID
    /// The height of its block.
    public let height: UInt64
    /// Its position in the block.
    public let index: Int
    /// What was wrong.
    public let kind: Kind
    /// The member a mismatched envelope names; not trusted, kept for investigation.
    public let claimedMember: MemberHandle?
    /// One sentence for the auditor.
    public let reason: String

    /// Creates an anomaly.
    public init(transactionId: TransactionID, height: UInt64, index: Int, kind: Kind, claimedMember: MemberHandle?,
                reason: String) {
        self.transactionId = transactionId
        self.height = height
        self.index = index
        self.kind = kind
        self.claimedMember = claimedMember
        self.reason = reason
    }
}
