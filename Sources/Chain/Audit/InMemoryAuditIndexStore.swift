import Foundation

/// An ``AuditIndexStore`` in memory: the same semantics as ``SQLiteAuditIndexStore`` without
/// durability, for tests, benchmarks and auditors who rebuild at start.
public final class InMemoryAuditIndexStore: AuditIndexStore, @unchecked Sendable {
    // Guarded by `lock`; @unchecked because NSLock-protected state is safe to share.
    private let lock = NSLock()
    private var position: (nextHeight: UInt64, lastBlockHash: [UInt8])?
    private var byTransaction: [TransactionID: AuditEntry] = [:]
    private var byMember: [MemberHandle: [AuditEntry]] = [:]
    private var anomalyList: [AuditAnomaly] = []
    private var queryList: [AuditQueryRecord] = []

    /// Creates an empty index.
    public init() {}

    public func cursor() throws -> (nextHeight: UInt64, lastBlockHash: [UInt8])? { lock.withLock { position } }

    public func record(_ batch: AuditIndexBatch) throws {
        lock.withLock {
            for entry in batch.entries {
                byTransaction[entry.transactionId] = entry
                byMember[entry.memberHandle, default: []].append(entry)
            }
            anomalyList += batch.anomalies
            queryList += batch.queries
            position = (batch.nextHeight, batch.lastBlockHash)
        }
    }

    public func entry(for transaction: TransactionID) throws -> AuditEntry? { lock.withLock { byTransaction[transaction] } }
    public func entries(of member: MemberHandle) throws -> [AuditEntry] { lock.withLock { byMember[member] ?? [] } }
    public func entryCount() throws -> Int { lock.withLock { byTransaction.count } }
    public func anomalies() throws -> [AuditAnomaly] { lock.withLock { anomalyList } }
    public func queries() throws -> [AuditQueryRecord] { lock.withLock { queryList } }

    public func removeAll() throws {
        lock.withLock {
            position = nil
            byTransaction = [:]
            byMember = [:]
            anomalyList = []
            queryList = []
        }
    }
}
