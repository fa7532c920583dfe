/// The outcome of `chain verify`: how far the ledger checked out, and the first problem.
public struct ChainVerificationReport: Sendable, Codable, Hashable {
    /// Blocks whose hashes, signatures, roots and replay all checked out.
    public var verifiedBlocks: UInt64
    /// Transactions re-verified.
    public var verifiedTransactions: Int
    /// The height of the first bad block, if a block is bad.
    public var firstBadBlock: UInt64?
    /// Why the ledger failed verification, or `nil` when it is intact.
    public var problem: String?

    /// Whether the whole ledger and its state are intact.
    public var isValid: Bool { problem == nil }
}
