import Foundation
import GRDB
import Primitives
import GRDBSQLite

/// The durable ``BlockStore``: one SQLite database in WAL mode with `synchronous=FULL` by
/// default, each block committed with its transactions and state writes in one SQLite
/// transaction (`specs/chain.md` §6). The only place in Chancery that touches SQLite.
public final class SQLiteBlockStore: BlockStore, Sendable {
    private let pool: DatabasePool
    /// `nil` for a read-only store, which never writes the file.
    private let checkpointer: SQLiteCheckpointer?
    private let pointReaders: SQLitePointReaders
    /// The database file.
    public let path: String

    /// Durability settings.
    public struct Options: Sendable {
        /// `synchronous=FULL` (the default) makes every acknowledged block survive power loss;
        /// `NORMAL` survives process crashes only.
        public var fullSync = true
        /// Page cache of the writing connection in KiB; readers get an eighth each.
        public var cacheKiB = 65_536
        /// A cap on the database size in pages, to exercise the disk-full path in tests.
        public var maximumPageCount: Int?
        /// Open for reading only: nothing is written to the file, not even the housekeeping of a
        /// WAL database's first open, so a damaged ledger can be examined as it was found.
        public var readOnly = false

        /// The defaults.
        public init() {}
    }

    /// Opens or creates a ledger.
    /// - Parameters:
    ///   - path: the database file.
    ///   - options: durability settings.
    /// - Throws: `ChainError.corruptLedger` when the file is not a Chancery ledger,
    ///   `.storageFailure` when it cannot be opened.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        var configuration = Configuration()
        // The checkpointer's TRUNCATE briefly holds the write lock between two blocks.
        configuration.busyMode = .timeout(30)
        configuration.readonly = options.readOnly
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(options.fullSync ? "FULL" : "NORMAL")")
            let cache = db.configuration.readonly ? options.cacheKiB / 8 : options.cacheKiB
            try db.execute(sql: "PRAGMA cache_size = -\(cache)")
            // Checkpoints run on SQLiteCheckpointer's connection, never inside a block commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            if let pages = options.maximumPageCount { try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if options.readOnly {
                checkpointer = nil
            } else {
                try pool.write { db in try SQLiteSchema.create(in: db) }
                // GRDB sets `synchronous=NORMAL` on a pool's writer after `prepareDatabase` (WAL
                // setup), which syncs the WAL only at checkpoints: a block acknowledged before
                // one was lost when the file system failed (StorageFaultTests). Set it again.
                let level = options.fullSync ? 2 : 1
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = \(level)")
                    guard try Int.fetchOne(db, sql: "PRAGMA synchronous") == level else {
                        throw ChainError.storage("The ledger's writing connection refused synchronous=\(level).")
                    }
                }
                checkpointer = try SQLiteCheckpointer(path: path)
            }
            pointReaders = SQLitePointReaders(path: path)
        } catch {
            throw SQLiteErrors.map(error, doing: "open the ledger at \(path)")
        }
    }

    deinit { checkpointer?.stop() }

    public func genesis() throws -> Genesis? {
        let stored = try read("read the genesis document") { db in
            try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'genesis'")
        }
        guard let stored else { return nil }
        // A stored document that no longer parses is ledger damage, not a bad genesis file.
        do { return try Genesis(json: stored) } catch {
            throw ChainError(.corruptLedger, "The stored genesis document cannot be read: \(error.reason)")
        }
    }

    public func head() throws -> SignedBlockHeader? {
        try read("read the chain head") { db in
            try Row.fetchOne(db, sql: "SELECT hash, header, signatures FROM blocks ORDER BY height DESC LIMIT 1")
        }.map(Self.signedHeader(from:))
    }

    public func signedHeader(at height: UInt64) throws -> SignedBlockHeader? {
        // SQLite keys are signed: a height past Int64.max names no block (and must not trap).
        guard let key = Int64(exactly: height) else { return nil }
        return try read("read block \(height)") { db in
            try Row.fetchOne(db, sql: "SELECT hash, header, signatures FROM blocks WHERE height = ?", arguments: [key])
        }.map(Self.signedHeader(from:))
    }

    public func transactions(at height: UInt64) throws -> [Transaction] {
        guard let key = Int64(exactly: height) else { return [] }
        let rows = try read("read the transactions of block \(height)") { db -> [Row] in
            guard let block = try Row.fetchOne(db, sql: "SELECT firstSeq, txCount FROM blocks WHERE height = ?",
                                               arguments: [key]) else { return [] }
            let first: Int64 = block["firstSeq"], count: Int64 = block["txCount"]
            return try Row.fetchAll(db, sql: "SELECT id, bytes FROM transactions WHERE seq >= ? AND seq < ? ORDER BY seq",
                                    arguments: [first, first + count])
        }
        return try rows.map { row in
            let id: Data = row["id"], bytes: Data = row["bytes"]
            let transaction: Transaction
            do { transaction = try Transaction(decoding: Array(bytes)) } catch {
                throw ChainError(.corruptLedger, "A stored transaction of block \(height) cannot be decoded: \(error)")
            }
            guard transaction.id.bytes == Array(id) else {
                throw ChainError(.corruptLedger, "A stored transaction of block \(height) does not match its recorded id.")
            }
            return transaction
        }
    }

    public func location(of id: TransactionID) throws -> (height: UInt64, index: Int)? {
        try read("look up transaction \(id)") { db in
            let candidates = try Row.fetchAll(db, sql: "SELECT seq, id FROM transactions WHERE idPrefix = ?",
                                              arguments: [SQLiteSchema.idPrefix(id.bytes)])
            guard let seq = candidates.first(where: { ($0["id"] as Data) == Data(id.bytes) }).map({ $0["seq"] as Int64 }),
                  let block = try Row.fetchOne(db, sql: "SELECT height, firstSeq FROM blocks WHERE firstSeq <= ? ORDER BY firstSeq DESC, height DESC LIMIT 1",
                                               arguments: [seq]) else { return nil }
            let height: Int64 = block["height"], first: Int64 = block["firstSeq"]
            return (UInt64(height), Int(seq - first))
        }
    }

    public func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        // One SELECT is atomic under WAL; resolution does one of these per request, so it goes
        // through raw connections rather than GRDB's read path.
        try pointReaders.value(namespace: namespace, key: key)
    }

    public func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        try read("read state") { db in try SQLiteStateReader(db: db).entries(namespace: namespace, prefix: prefix) }
    }

    public func append(genesis: Genesis?, build: (any StateReader) throws -> (Block, [StateWrite])) throws -> Block {
        var buildError: (any Error)?
        do {
            return try pool.write { db -> Block in
                let built: (Block, [StateWrite])
                do { built = try build(SQLiteStateReader(db: db)) } catch { buildError = error; throw error }
                try SQLiteSchema.insert(block: built.0, writes: built.1, genesis: genesis, in: db)
                return built.0
            }
        } catch {
            if let buildError { throw buildError }
            throw SQLiteErrors.map(error, doing: "commit a block", systemErrno: writeErrno(after: error))
        }
    }

    /// The `errno` behind a failed write that SQLite reports only as an I/O error: `EFBIG` when
    /// the ledger or its WAL is at the process's file size limit (RLIMIT_FSIZE), which SQLite
    /// does not tell from a failing disk; `EROFS` when the file system is read-only now; else
    /// whatever the connection recorded.
    private func writeErrno(after error: any Error) -> Int32 {
        guard let database = error as? DatabaseError, database.resultCode == .SQLITE_IOERR else { return 0 }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
            // A write that would pass the limit fails; a page and a WAL frame header short of it is close enough.
            let largest = [path, path + "-wal"].map { file in
                (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            }.max() ?? 0
            if UInt64(largest) + 65_536 >= UInt64(limit.rlim_cur) { return EFBIG }
        }
        // A file system that turned read-only under open files (ext4 after a journal abort)
        // fails SQLite's writes with EIO or EROFS depending on the call, and may still say `rw`
        // in its mount flags: creating a file beside the ledger tells.
        let probe = path + ".write-probe"
        let descriptor = open(probe, O_CREAT | O_WRONLY | O_EXCL, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            unlink(probe)
        } else if errno == EROFS {
            return EROFS
        }
        return (try? pool.writeWithoutTransaction { db in sqlite3_system_errno(db.sqliteConnection) }) ?? 0
    }

    public func replaceSignatures(_ signatures: [NodeSignature], at height: UInt64) throws {
        guard let key = Int64(exactly: height), let stored = try signedHeader(at: height) else {
            throw ChainError(.notFound, "No block \(height) is stored.")
        }
        let bytes = SignedBlockHeader(header: stored.header, signatures: signatures).encodedSignatures
        do {
            try pool.write { db in
                try db.execute(sql: "UPDATE blocks SET signatures = ? WHERE height = ?", arguments: [Data(bytes), key])
            }
        } catch {
            throw SQLiteErrors.map(error, doing: "store the signatures of block \(height)")
        }
    }

    public func forEachStateEntry(_ body: (StateWrite) throws -> Void) throws {
        try read("read state") { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT namespace, key, value FROM state ORDER BY namespace, key")
            while let row = try cursor.next() {
                let key: Data = row["key"], value: Data = row["value"]
                try body(StateWrite(namespace: row["namespace"], key: Array(key), value: Array(value)))
            }
        }
    }

    /// The writing connection's `PRAGMA synchronous` (2 = FULL, 1 = NORMAL): what makes an
    /// acknowledged block durable, shown to tests.
    package var writerSynchronous: Int {
        get throws { try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 } }
    }

    /// Bytes used by the database file and its WAL, for the benchmark's bytes per transaction.
    public func diskUsage() -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    /// Copies the WAL into the database file and truncates it.
    /// - Throws: `ChainError.storageFailure` if it cannot complete within about ten seconds.
    public func checkpoint() throws {
        // SQLite answers BUSY at once, without a busy handler, while the background checkpointer
        // holds the checkpoint lock; that pass ends within milliseconds, so try again.
        for attempt in 0..<1_000 {
            do {
                _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
                return
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 999 {
                Thread.sleep(forTimeInterval: 0.01)
            } catch {
                throw SQLiteErrors.map(error, doing: "checkpoint the ledger")
            }
        }
    }

    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as ChainError { throw error } catch {
            throw SQLiteErrors.map(error, doing: what)
        }
    }

    private static func signedHeader(from row: Row) throws -> SignedBlockHeader {
        let hash: Data = row["hash"], header: Data = row["header"], signatures: Data = row["signatures"]
        let decoded = try BlockHeader(decoding: Array(header))
        let signed = SignedBlockHeader(header: decoded, signatures: try SignedBlockHeader.decodeSignatures(
            Array(signatures), keyLength: decoded.suite.signature.publicKeyLength))
        guard signed.hash == Array(hash) else {
            throw ChainError(.corruptLedger, "Block \(signed.header.height)'s recorded hash does not match its header.")
        }
        return signed
    }
}
