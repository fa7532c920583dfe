import Foundation
import GRDB

/// Reads world state through one open SQLite connection (inside a read or the block's write
/// transaction), with cached statements because the block builder reads once per transaction.
struct SQLiteStateReader: StateReader, @unchecked Sendable {
    // Used only inside the GRDB closure that lent `db`; never escapes it.
    let db: Database

    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        let statement = try db.cachedStatement(sql: "SELECT value FROM state WHERE namespace = ? AND key = ?")
        return try Data.fetchOne(statement, arguments: [namespace, Data(key)]).map(Array.init)
    }

    func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        let statement = try db.cachedStatement(sql: "SELECT key, value FROM state WHERE namespace = ? AND key >= ? ORDER BY key")
        var result: [(key: [UInt8], value: [UInt8])] = []
        let cursor = try Row.fetchCursor(statement, arguments: [namespace, Data(prefix)])
        while let row = try cursor.next() {
            let key: Data = row["key"]
            guard key.starts(with: prefix) else { break }
            let value: Data = row["value"]
            result.append((Array(key), Array(value)))
        }
        return result
    }
}
