import Foundation
import GRDBSQLite

/// Raw read-only SQLite connections for state point reads, the one query resolution makes per
/// request. GRDB's read path (reader pool, dispatch queue, statement cache by SQL text) costs
/// several times the query itself and scales poorly across cores; here a request checks out an
/// idle connection with its prepared statements, steps them, and returns it.
final class SQLitePointReaders: @unchecked Sendable {
    private final class Connection {
        let db: OpaquePointer
        /// value by (namespace code, key); seq by (kind, prefix); stored bytes by seq; height by seq.
        let state, lookup, transaction, height: OpaquePointer
        init(db: OpaquePointer, statements: [OpaquePointer]) {
            self.db = db
            (state, lookup, transaction, height) = (statements[0], statements[1], statements[2], statements[3])
        }
        var statements: [OpaquePointer] { [state, lookup, transaction, height] }
    }

    // `idle` is guarded by `lock`; each connection is used by one thread at a time.
    private let lock = NSLock()
    private var idle: [Connection] = []
    private let path: String
    private let names: SQLiteNames
    private let recent: SQLiteRecentLookup
    /// Reads the name tables again, for a code this process has not seen.
    private let reloadNames: @Sendable () throws -> Void
    /// SQLITE_TRANSIENT: SQLite copies bound values (the macro does not import into Swift).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private static let queries = [
        "SELECT value, packed FROM state WHERE namespace = ? AND key = ?",
        "SELECT entry FROM lookup WHERE entry BETWEEN ? AND ?",
        "SELECT bytes FROM transactions WHERE seq = ?",
        "SELECT height FROM blocks WHERE firstSeq <= ? ORDER BY firstSeq DESC, height DESC LIMIT 1",
    ]

    init(path: String, names: SQLiteNames, recent: SQLiteRecentLookup, reloadNames: @escaping @Sendable () throws -> Void) {
        self.path = path
        self.names = names
        self.recent = recent
        self.reloadNames = reloadNames
    }

    deinit {
        for connection in idle {
            connection.statements.forEach { sqlite3_finalize($0) }
            sqlite3_close_v2(connection.db)
        }
    }

    /// The value at `(namespace, key)` in committed state, or `nil`.
    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        let connection = try checkout()
        defer { lock.withLock { idle.append(connection) } }
        // Each SELECT is atomic under WAL; the lookup path may span two commits, but what it reads
        // (a transaction and its block) never changes once written.
        if let kind = SQLiteLookup.kind(of: namespace) {
            // The recent tier before `lookup`: an entry leaves it only once `lookup` holds it (§6.4).
            let range = SQLiteLookup.range(kind: kind, hash: key)
            let candidates = try recent.candidates(kind: kind, hash: key)
            // The filter of `lookup` is certain when it says no entry there has these hash bits (§6.5).
            let stored = candidates.lookupMayHold
                ? try step(connection, connection.lookup, [.integer(range.lowerBound), .integer(range.upperBound)], column: { $0.integer }) : []
            for entry in candidates.recent + stored {
                let seq = SQLiteLookup.seq(of: entry)
                let transaction = try storedTransaction(seq, connection)
                if let value = try SQLiteLookup.value(kind: kind, key: key, of: transaction, height: { try height(of: seq, connection) }) {
                    return value
                }
            }
        }
        var code = names.namespaceCode(namespace)
        if code == nil, !names.isAuthoritative {
            try reloadNames()
            code = names.namespaceCode(namespace)
        }
        guard let code else { return nil }
        guard let (value, packed) = try step(connection, connection.state, [.integer(code), .blob(key)], column: { ($0.blob, $0.integer(1)) }).first else {
            return nil
        }
        return packed == 0 ? value : try SQLitePacking.unpack(value, dictionary: names.dictionary)
    }

    private enum Argument {
        case integer(Int64)
        case blob([UInt8])
    }

    private struct Column {
        let statement: OpaquePointer
        var integer: Int64 { integer(0) }
        func integer(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
        var blob: [UInt8] {
            let count = Int(sqlite3_column_bytes(statement, 0))
            guard count > 0, let bytes = sqlite3_column_blob(statement, 0) else { return [] }
            return Array(UnsafeRawBufferPointer(start: bytes, count: count))
        }
    }

    /// Runs a prepared statement to its end, returning its first column of each row.
    private func step<T>(_ connection: Connection, _ statement: OpaquePointer, _ arguments: [Argument],
                         column: (Column) -> T) throws -> [T] {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, argument) in arguments.enumerated() {
            switch argument {
            case .integer(let value): sqlite3_bind_int64(statement, Int32(index + 1), value)
            case .blob(let bytes):
                _ = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, Int32(index + 1), $0.baseAddress, Int32($0.count), Self.transient) }
            }
        }
        var rows: [T] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: rows.append(column(Column(statement: statement)))
            case SQLITE_DONE: return rows
            default: throw failure(connection)
            }
        }
    }

    private func storedTransaction(_ seq: Int64, _ connection: Connection) throws -> Transaction {
        guard let stored = try step(connection, connection.transaction, [.integer(seq)], column: { $0.blob }).first else {
            throw ChainError(.corruptLedger, "Stored transaction \(seq), which the lookup table names, is missing.")
        }
        if names.chainId == nil { try reloadNames() }
        guard let chainId = names.chainId else { throw ChainError(.corruptLedger, "The ledger holds transactions but no genesis document.") }
        let wire: [UInt8]
        do { wire = try SQLiteStoredTransaction.wire(from: stored, chainId: chainId, dictionary: names.dictionary, typeName: names.typeName) } catch {
            try reloadNames()
            wire = try SQLiteStoredTransaction.wire(from: stored, chainId: chainId, dictionary: names.dictionary, typeName: names.typeName)
        }
        do { return try Transaction(decoding: wire) } catch {
            throw ChainError(.corruptLedger, "A stored transaction cannot be decoded: \(error.reason)")
        }
    }

    private func height(of seq: Int64, _ connection: Connection) throws -> UInt64 {
        guard let height = try step(connection, connection.height, [.integer(seq)], column: { $0.integer }).first else {
            throw ChainError(.corruptLedger, "No block holds stored transaction \(seq).")
        }
        return UInt64(height)
    }

    private func failure(_ connection: Connection) -> ChainError {
        ChainError.storage("Could not read state: \(String(cString: sqlite3_errmsg(connection.db))).")
    }

    private func checkout() throws -> Connection {
        if let connection = lock.withLock({ idle.popLast() }) { return connection }
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let db else {
            sqlite3_close_v2(db)
            throw ChainError.storage("Could not open a read connection to \(path).")
        }
        sqlite3_busy_timeout(db, 5_000)
        var statements: [OpaquePointer] = []
        for query in Self.queries {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, query, -1, &statement, nil) == SQLITE_OK, let statement else {
                let message = String(cString: sqlite3_errmsg(db))
                statements.forEach { sqlite3_finalize($0) }
                sqlite3_close_v2(db)
                throw ChainError.storage("Could not prepare a state read: \(message).")
            }
            statements.append(statement)
        }
        return Connection(db: db, statements: statements)
    }
}
