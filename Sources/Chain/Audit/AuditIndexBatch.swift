/// What following some blocks adds to the audit index, stored atomically with the new cursor
/// so that a crash leaves the index at a block boundary.
public struct AuditIndexBatch: Sendable {
    /// Opened envelopes, in ledger order.
    public var entries: [AuditEntry] = []
    /// Envelopes that could not be trusted.
    public var anomalies: [AuditAnomaly] = []
    /// Recorded audit queries.
    public var queries: [AuditQueryRecord] = []
    /// The height of the next block to follow.
    public var nextHeight: UInt64
    /// The hash of the last block followed, checked against the ledger before following on.
    public var lastBlockHash: [UInt8]

    /// Creates an empty batch that leaves the cursor where it is.
    /// - Parameters:
    ///   - nextHeight: the next block to follow.
    ///   - lastBlockHash: the hash of the block before it.
    public init(nextHeight: UInt64, lastBlockHash: [UInt8]) {
        self.nextHeight = nextHeight
        self.lastBlockHash = lastBlockHash
    }
}
