/// Where the auditor keeps its private index (`specs/audit.md` §2). It belongs to the
/// auditor, never to the ledger: it holds the links the ledger hides.
///
/// ``SQLiteAuditIndexStore`` is the durable implementation; ``InMemoryAuditIndexStore`` is a
/// real, non-durable one. Both are rebuildable from the ledger with the auditor's key.
public protocol AuditIndexStore: Sendable {
    /// Where following stopped, or `nil` for an empty index.
    /// - Throws: `ChainError.storageFailure` when the index cannot be read.
    func cursor() throws -> (nextHeight: UInt64, lastBlockHash: [UInt8])?

    /// Adds a batch and moves the cursor, all or nothing.
    /// - Throws: `ChainError.storageFailure` or `.diskFull`; nothing is stored then.
    func record(_ batch: AuditIndexBatch) throws

    /// The entry of one transaction, or `nil`.
    func entry(for transaction: TransactionID) throws -> AuditEntry?

    /// Every entry of one member, in ledger order.
    func entries(of member: MemberHandle) throws -> [AuditEntry]

    /// How many entries the index holds.
    func entryCount() throws -> Int

    /// Every anomaly, in ledger order.
    func anomalies() throws -> [AuditAnomaly]

    /// Every recorded audit query, in ledger order.
    func queries() throws -> [AuditQueryRecord]

    /// Empties the index, cursor included, before a rebuild.
    func removeAll() throws
}
