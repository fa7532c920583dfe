import Foundation
import GRDBSQLite

/// Raw read-only SQLite connections for state point reads, the one query resolution makes per
/// request. GRDB's read path (reader pool, dispatch queue, statement cache by SQL text) costs
/// several times the query itself and scales poorly across cores; here a request checks out an
/// idle connection with its prepared statement, steps it once, and returns it.
final class SQLitePointReaders: @unchecked Sendable {
    private final class Connection {
        let db: OpaquePointer
        let statement: OpaquePointer
        init(db: OpaquePointer, statement: OpaquePointer) {
            self.db = db
            self.statement = statement
        }
    }

    // `idle` is guarded by `lock`; each connection is used by one thread at a time.
    private let lock = NSLock()
    private var idle: [Connection] = []
    private let path: String
    /// SQLITE_TRANSIENT: SQLite copies bound values (the macro does not import into Swift).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(path: String) { self.path = path }

    deinit {
        for connection in idle {
            sqlite3_finalize(connection.statement)
            sqlite3_close_v2(connection.db)
        }
    }

    /// The value at `(namespace, key)` in committed state, or `nil`.
    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        let connection = try checkout()
        defer {
            sqlite3_reset(connection.statement)
            sqlite3_clear_bindings(connection.statement)
            lock.withLock { idle.append(connection) }
        }
        let statement = connection.statement
        sqlite3_bind_text(statement, 1, namespace, -1, Self.transient)
        _ = key.withUnsafeBytes { sqlite3_bind_blob(statement, 2, $0.baseAddress, Int32($0.count), Self.transient) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW:
            let count = Int(sqlite3_column_bytes(statement, 0))
            guard count > 0, let bytes = sqlite3_column_blob(statement, 0) else { return [] }
            return Array(UnsafeRawBufferPointer(start: bytes, count: count))
        case SQLITE_DONE:
            return nil
        default:
            throw ChainError.storage("Could not read state: \(String(cString: sqlite3_errmsg(connection.db))).")
        }
    }

    private func checkout() throws -> Connection {
        if let connection = lock.withLock({ idle.popLast() }) { return connection }
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw ChainError.storage("Could not open a read connection to \(path).")
        }
        sqlite3_busy_timeout(db, 5_000)
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT value FROM state WHERE namespace = ? AND key = ?", -1, &statement, nil) == SQLITE_OK,
              let statement else {
            let message = String(cString: sqlite3_errmsg(db))
            sqlite3_close_v2(db)
            throw ChainError.storage("Could not prepare a state read: \(message).")
        }
        return Connection(db: db, statement: statement)
    }
}
