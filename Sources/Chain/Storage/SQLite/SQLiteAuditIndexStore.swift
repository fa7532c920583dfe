import Foundation
import GRDB

/// The durable ``AuditIndexStore``: a SQLite database of the auditor's own, in WAL mode, each
/// batch committed with its cursor in one transaction. `synchronous=NORMAL` is enough: after
/// a power loss the index may lose its last batches, and following the ledger again restores them.
public final class SQLiteAuditIndexStore: AuditIndexStore, Sendable {
    private let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens or creates an audit index.
    /// - Parameter path: the database file; keep it apart from the ledger and readable by the auditor only.
    /// - Throws: `ChainError.corruptLedger` when the file is not a database, `.storageFailure`
    ///   when it cannot be opened.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.write { db in try SQLiteAuditIndexSchema.create(in: db) }
        } catch {
            throw SQLiteErrors.map(error, doing: "open the audit index at \(path)")
        }
    }

    public func cursor() throws -> (nextHeight: UInt64, lastBlockHash: [UInt8])? {
        try read("read the audit index's position") { db in
            try Row.fetchOne(db, sql: "SELECT nextHeight, lastHash FROM cursor WHERE id = 1").map { row in
                let next: Int64 = row["nextHeight"], hash: Data = row["lastHash"]
                return (UInt64(next), Array(hash))
            }
        }
    }

    public func record(_ batch: AuditIndexBatch) throws {
        do { try pool.write { db in try SQLiteAuditIndexSchema.insert(batch, in: db) } } catch {
            throw SQLiteErrors.map(error, doing: "record blocks in the audit index")
        }
    }

    public func entry(for transaction: TransactionID) throws -> AuditEntry? {
        try read("look up transaction \(transaction) in the audit index") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM entries WHERE idPrefix = ?", arguments: [SQLiteSchema.idPrefix(transaction.bytes)])
                .first { ($0["transactionId"] as Data) == Data(transaction.bytes) }
                .map(SQLiteAuditIndexSchema.entry(from:))
        }
    }

    public func entries(of member: MemberHandle) throws -> [AuditEntry] {
        try read("trace a member in the audit index") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM entries WHERE member = ? ORDER BY seq", arguments: [Data(member.bytes)])
                .map(SQLiteAuditIndexSchema.entry(from:))
        }
    }

    public func entryCount() throws -> Int {
        try read("count the audit index") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entries") ?? 0 }
    }

    public func anomalies() throws -> [AuditAnomaly] {
        try read("read the audit index's anomalies") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM anomalies ORDER BY seq").map(SQLiteAuditIndexSchema.anomaly(from:))
        }
    }

    public func queries() throws -> [AuditQueryRecord] {
        try read("read the recorded audit queries") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM queries ORDER BY seq").map(SQLiteAuditIndexSchema.query(from:))
        }
    }

    public func removeAll() throws {
        do {
            try pool.write { db in try db.execute(sql: "DELETE FROM entries; DELETE FROM anomalies; DELETE FROM queries; DELETE FROM cursor;") }
        } catch {
            throw SQLiteErrors.map(error, doing: "empty the audit index")
        }
    }

    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as ChainError {
            // A row that no longer decodes is damage to the index, which a rebuild repairs.
            throw ChainError.storage("Could not \(what): the audit index is damaged (\(error.reason)); rebuild it.")
        } catch {
            throw SQLiteErrors.map(error, doing: what)
        }
    }
}
