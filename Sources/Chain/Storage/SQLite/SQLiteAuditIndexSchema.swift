import Foundation
import GRDB

/// The audit index's tables, in a database of the auditor's own (never the ledger's). Rows are
/// appended in ledger order, so `seq` orders them; transaction ids are found by their first 8
/// bytes, as in the ledger, to keep the lookup index small.
enum SQLiteAuditIndexSchema {
    static func create(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS cursor(
                id INTEGER PRIMARY KEY CHECK (id = 1), nextHeight INTEGER NOT NULL, lastHash BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS entries(
                seq INTEGER PRIMARY KEY, idPrefix INTEGER NOT NULL, transactionId BLOB NOT NULL, member BLOB NOT NULL,
                height INTEGER NOT NULL, position INTEGER NOT NULL, type TEXT NOT NULL, epoch INTEGER NOT NULL,
                time INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS entries_by_id_prefix ON entries(idPrefix);
            CREATE INDEX IF NOT EXISTS entries_by_member ON entries(member, seq);
            CREATE TABLE IF NOT EXISTS anomalies(
                seq INTEGER PRIMARY KEY, transactionId BLOB NOT NULL, height INTEGER NOT NULL, position INTEGER NOT NULL,
                kind TEXT NOT NULL, claimedMember BLOB, reason TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS queries(
                seq INTEGER PRIMARY KEY, transactionId BLOB NOT NULL, height INTEGER NOT NULL, position INTEGER NOT NULL,
                time INTEGER NOT NULL, request BLOB NOT NULL);
            """)
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else {
            throw ChainError.storage("The audit index is not in WAL mode.")
        }
    }

    static func insert(_ batch: AuditIndexBatch, in db: Database) throws {
        let entry = try db.cachedStatement(sql: """
            INSERT INTO entries(idPrefix, transactionId, member, height, position, type, epoch, time)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for e in batch.entries {
            try entry.execute(arguments: [SQLiteSchema.idPrefix(e.transactionId.bytes), Data(e.transactionId.bytes),
                                          Data(e.memberHandle.bytes), Int64(e.height), e.index, e.type.name,
                                          Int64(bitPattern: e.epoch), Int64(e.time)])
        }
        let anomaly = try db.cachedStatement(sql: """
            INSERT INTO anomalies(transactionId, height, position, kind, claimedMember, reason) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for a in batch.anomalies {
            try anomaly.execute(arguments: [Data(a.transactionId.bytes), Int64(a.height), a.index, a.kind.name,
                                            a.claimedMember.map { Data($0.bytes) }, a.reason])
        }
        let query = try db.cachedStatement(sql: """
            INSERT INTO queries(transactionId, height, position, time, request) VALUES (?, ?, ?, ?, ?)
            """)
        for q in batch.queries {
            try query.execute(arguments: [Data(q.transactionId.bytes), Int64(q.height), q.index, Int64(q.time), Data(q.request.body)])
        }
        try db.execute(sql: "INSERT OR REPLACE INTO cursor(id, nextHeight, lastHash) VALUES (1, ?, ?)",
                       arguments: [Int64(batch.nextHeight), Data(batch.lastBlockHash)])
    }

    static func entry(from row: Row) throws -> AuditEntry {
        let id: Data = row["transactionId"], member: Data = row["member"]
        let height: Int64 = row["height"], epoch: Int64 = row["epoch"], time: Int64 = row["time"]
        return AuditEntry(memberHandle: try MemberHandle(bytes: Array(member)), transactionId: try TransactionID(bytes: Array(id)),
                          height: UInt64(height), index: row["position"], type: TransactionType(row["type"]),
                          epoch: UInt64(bitPattern: epoch), time: UInt64(time))
    }

    static func anomaly(from row: Row) throws -> AuditAnomaly {
        let id: Data = row["transactionId"], height: Int64 = row["height"], claimed: Data? = row["claimedMember"]
        return AuditAnomaly(transactionId: try TransactionID(bytes: Array(id)), height: UInt64(height), index: row["position"],
                            kind: AuditAnomaly.Kind(row["kind"]), claimedMember: try claimed.map { try MemberHandle(bytes: Array($0)) },
                            reason: row["reason"])
    }

    static func query(from row: Row) throws -> AuditQueryRecord {
        let id: Data = row["transactionId"], height: Int64 = row["height"], time: Int64 = row["time"], request: Data = row["request"]
        return AuditQueryRecord(request: try SignedAuditRequest(body: Array(request)), transactionId: try TransactionID(bytes: Array(id)),
                                height: UInt64(height), index: row["position"], time: UInt64(time))
    }
}
