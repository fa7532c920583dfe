package import Foundation
import GRDB
package import Primitives

/// The issuer-side record of what this data directory issued: credential id → its status
/// entries, so `credential revoke ID` finds the list and index. Holds no claims, only
/// identifiers.
///
/// The record is the append-only JSON Lines file `issued/index.jsonl` (the CLI and a running
/// node both append to it). Lookups go through `issued/index.sqlite`, a table keyed by
/// credential id that follows the file: each lookup first adds the lines appended since the
/// offset the table stored, so a lookup costs the same with ten or ten million credentials
/// issued, and holds nothing in memory. The table is derived: when it cannot be opened it is
/// rebuilt from the file.
package struct IssuedCredentialIndex {
    package let url: URL
    /// The lookup table's file.
    package let tableURL: URL
    /// Concurrent issuances of one node append here; seeking to the end and writing is not one
    /// step, so appends take turns or one batch's records could overwrite another's.
    private static let appending = NSLock()
    /// One open table per file for the process (opening SQLite per lookup would cost more than
    /// the lookup).
    private static let tables = TableCache()

    package init(directory: DataDirectory) {
        url = directory.url.appendingPathComponent("issued").appendingPathComponent("index.jsonl")
        tableURL = directory.url.appendingPathComponent("issued").appendingPathComponent("index.sqlite")
    }

    /// One status entry of an issued credential.
    package struct Entry {
        package let purpose: String
        package let list: String
        package let index: Int
    }

    /// Appends the issued credentials' status entries.
    package func append(_ credentials: [(id: String, entries: [Entry])]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        for credential in credentials {
            let entries: [JSONValue] = credential.entries.map { ["purpose": .string($0.purpose), "list": .string($0.list), "index": .number(Double($0.index))] }
            bytes += JSONValue.object(["id": .string(credential.id), "status": .array(entries)]).serialized() + [UInt8(ascii: "\n")]
        }
        try Self.appending.withLock { try JSONLinesFile(url: url).append(Data(bytes)) }
    }

    /// The status entries of credential `id`, or `nil` when this directory did not issue it.
    /// A credential recorded twice has its last record's entries.
    package func entries(of id: String) throws -> [Entry]? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let table = try Self.tables.table(at: tableURL)
        try table.follow(JSONLinesFile(url: url))
        guard let status = try table.status(of: id), case .array(let entries)? = try? JSONValue(parsing: Array(status.utf8)) else { return nil }
        return entries.compactMap { entry in
            guard let purpose = entry["purpose"]?.stringValue, let list = entry["list"]?.stringValue,
                  let index = entry["index"]?.doubleValue.flatMap(Int.init(exactly:)) else { return nil }
            return Entry(purpose: purpose, list: list, index: index)
        }
    }

    /// How many bytes of the file the last lookup read (0 when nothing had been appended):
    /// what makes lookups flat, shown to tests.
    package var lastBytesRead: UInt64 { (try? Self.tables.table(at: tableURL).lastBytesRead) ?? 0 }
}

extension IssuedCredentialIndex {
    /// The lookup table: `credentials(id, status)` and the offset of the file it has read.
    final class Table: @unchecked Sendable {
        private let queue: DatabaseQueue
        private(set) var lastBytesRead: UInt64 = 0

        init(path: String) throws {
            queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS credentials (id TEXT PRIMARY KEY, status TEXT NOT NULL) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS followed (one INTEGER PRIMARY KEY CHECK (one = 1), offset INTEGER NOT NULL);
                    INSERT OR IGNORE INTO followed (one, offset) VALUES (1, 0);
                    """)
            }
        }

        /// Adds the lines appended since the stored offset, in one transaction with the new
        /// offset (another process following the same file waits, then finds less to read). A
        /// file shorter than the offset was replaced: it is read again from the start.
        func follow(_ tail: JSONLinesFile) throws {
            try queue.inTransaction(.immediate) { db in
                let stored = UInt64(try Int64.fetchOne(db, sql: "SELECT offset FROM followed") ?? 0)
                var offset = stored
                if let size = tail.size(), size < offset {
                    try db.execute(sql: "DELETE FROM credentials")
                    offset = 0
                }
                let read = try tail.read(from: offset)
                lastBytesRead = read.offset - offset
                for record in read.records {
                    guard let id = record["id"]?.stringValue, let status = record["status"] else { continue }
                    try db.execute(sql: "INSERT OR REPLACE INTO credentials (id, status) VALUES (?, ?)",
                                   arguments: [id, String(decoding: status.serialized(), as: UTF8.self)])
                }
                // A lookup with nothing new writes nothing (no page, no WAL frame).
                if read.offset != stored { try db.execute(sql: "UPDATE followed SET offset = ?", arguments: [Int64(read.offset)]) }
                return .commit
            }
        }

        func status(of id: String) throws -> String? {
            try queue.read { db in try String.fetchOne(db, sql: "SELECT status FROM credentials WHERE id = ?", arguments: [id]) }
        }
    }

    /// The process's open tables by path. A table that cannot be opened (not a database) is
    /// removed and rebuilt from the file, which holds everything it held.
    final class TableCache: @unchecked Sendable {
        private let lock = NSLock()
        private var tables: [String: Table] = [:]

        func table(at url: URL) throws -> Table {
            try lock.withLock {
                if let table = tables[url.path] { return table }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let table: Table
                do {
                    table = try Table(path: url.path)
                } catch {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
                    do { table = try Table(path: url.path) } catch {
                        throw NodeError("The issued-credential index \(url.lastPathComponent) cannot be opened or rebuilt: \(error)")
                    }
                }
                tables[url.path] = table
                return table
            }
        }
    }
}
