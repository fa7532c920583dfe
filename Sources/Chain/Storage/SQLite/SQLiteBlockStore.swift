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
    private let names: SQLiteNames
    /// Lookup entries not yet merged into the `lookup` B-tree (`specs/chain.md` §6.4).
    private let recent: SQLiteRecentLookup
    private let readOnly: Bool
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
        /// The page size of a ledger created by this store (an existing file keeps its own).
        /// Larger pages leave less of each page unused by rows of a few hundred bytes, but every
        /// random-key insert then writes a larger page to the WAL (`specs/chain.md` §6.3).
        public var pageSize = 4_096
        /// Open for reading only: nothing is written to the file, not even the housekeeping of a
        /// WAL database's first open, so a damaged ledger can be examined as it was found.
        public var readOnly = false
        /// Lookup entries gathered in the recent tier before they are merged into the large
        /// `lookup` B-tree as one generation (`specs/chain.md` §6.4): the more, the fewer times a
        /// leaf page of it is written per entry, at about 40 bytes of memory each (two
        /// generations are held) and a longer reopen.
        public var lookupGenerationEntries = 1_000_000
        /// The size of `lookup` from which a writing store keeps a bitmap of its hash prefixes
        /// in memory (`specs/chain.md` §6.5), so that a look for an absent hash (every new
        /// transaction's spent-key check) does not read its B-tree: 16 bits an entry, at most
        /// 64 MiB, built on a thread of its own at open and as `lookup` grows.
        public var lookupFilterMinimumEntries = SQLiteLookupFilter.minimumEntries

        /// The defaults.
        public init() {}
    }

    /// Opens or creates a ledger.
    /// - Parameters:
    ///   - path: the database file.
    ///   - options: durability settings.
    /// - Throws: `ChainError.corruptLedger` when the file is not a Chancery ledger,
    ///   `.previousLedgerLayout` for a ledger of another storage layout (`didctl chain migrate`
    ///   copies an older one), `.storageFailure` when it cannot be opened.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        var configuration = Configuration()
        // The checkpointer's TRUNCATE briefly holds the write lock between two blocks.
        configuration.busyMode = .timeout(30)
        configuration.readonly = options.readOnly
        configuration.prepareDatabase { db in
            // Takes effect only on a file with no tables yet.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA page_size = \(options.pageSize)") }
            try db.execute(sql: "PRAGMA synchronous = \(options.fullSync ? "FULL" : "NORMAL")")
            let cache = db.configuration.readonly ? options.cacheKiB / 8 : options.cacheKiB
            try db.execute(sql: "PRAGMA cache_size = -\(cache)")
            // Checkpoints run on SQLiteCheckpointer's connection, never inside a block commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            if let pages = options.maximumPageCount { try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        let names = SQLiteNames(isAuthoritative: !options.readOnly)
        self.names = names
        let recent = SQLiteRecentLookup(generationEntries: options.lookupGenerationEntries,
                                        filterMinimumEntries: options.lookupFilterMinimumEntries)
        self.recent = recent
        readOnly = options.readOnly
        do {
            // A ledger of another layout is refused before a writing connection touches the file.
            if !options.readOnly, ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0 {
                var readOnly = Configuration()
                readOnly.readonly = true
                // Another store of the same file may be checkpointing (TRUNCATE holds the lock a moment).
                readOnly.busyMode = .timeout(30)
                try DatabaseQueue(path: path, configuration: readOnly).read { db in try SQLiteLayout.requireCurrent(db, creating: true) }
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            self.pool = pool
            if options.readOnly {
                try pool.read { db in
                    try SQLiteLayout.requireCurrent(db, creating: true)
                    if try db.tableExists("types") { try names.reload(db) }
                }
                checkpointer = nil
            } else {
                try pool.write { db in
                    try SQLiteSchema.create(in: db)
                    try names.reload(db)
                }
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
            recent.loadInBackground(keepsFilter: !options.readOnly) { body in try pool.read(body) }
            pointReaders = SQLitePointReaders(path: path, names: names, recent: recent) { try pool.read { db in try names.reload(db) } }
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
        return try read("read the transactions of block \(height)") { db -> [Transaction] in
            guard let block = try Row.fetchOne(db, sql: "SELECT firstSeq, txCount FROM blocks WHERE height = ?",
                                               arguments: [key]) else { return [] }
            let first: Int64 = block["firstSeq"], count: Int64 = block["txCount"]
            let reader = SQLiteStateReader(db: db, names: names, recent: recent)
            return try Row.fetchAll(db, sql: "SELECT bytes FROM transactions WHERE seq >= ? AND seq < ? ORDER BY seq",
                                    arguments: [first, first + count]).map { row in
                do { return try reader.decode(Array(row["bytes"] as Data)) } catch let error as ChainError {
                    throw ChainError(.corruptLedger, "A stored transaction of block \(height) cannot be decoded: \(error.reason)")
                }
            }
        }
    }

    public func location(of id: TransactionID) throws -> (height: UInt64, index: Int)? {
        try read("look up transaction \(id)") { db in
            // The id is not stored: each candidate is rebuilt and hashed (`specs/chain.md` §6.3).
            let reader = SQLiteStateReader(db: db, names: names, recent: recent)
            if readOnly { try recent.refresh(db) }
            guard let seq = try reader.firstMatch(kind: SQLiteLookup.transactionId, hash: id.bytes, { seq, transaction in transaction.id == id ? seq : nil }),
                  let block = try Row.fetchOne(db, sql: "SELECT height, firstSeq FROM blocks WHERE firstSeq <= ? ORDER BY firstSeq DESC, height DESC LIMIT 1",
                                               arguments: [seq]) else { return nil }
            let height: Int64 = block["height"], first: Int64 = block["firstSeq"]
            return (UInt64(height), Int(seq - first))
        }
    }

    public func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        // One SELECT is atomic under WAL; resolution does one of these per request, so it goes
        // through raw connections rather than GRDB's read path.
        if readOnly, SQLiteLookup.kind(of: namespace) != nil { try read("read the recent lookup entries") { db in try recent.refresh(db) } }
        return try pointReaders.value(namespace: namespace, key: key)
    }

    public func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        try read("read state") { db in try SQLiteStateReader(db: db, names: names, recent: recent).entries(namespace: namespace, prefix: prefix) }
    }

    public func append(genesis: Genesis?, build: (any StateReader) throws -> (Block, [StateWrite])) throws -> Block {
        var buildError: (any Error)?
        do {
            let (block, inserted) = try pool.write { db -> (Block, SQLiteSchema.Inserted) in
                let built: (Block, [StateWrite])
                do { built = try build(SQLiteStateReader(db: db, names: names, recent: recent)) } catch { buildError = error; throw error }
                return (built.0, try SQLiteSchema.insert(block: built.0, writes: built.1, genesis: genesis, names: names, recent: recent, in: db))
            }
            // The codes and lookup entries the block added are known from here on, now that they are in the file.
            names.commit((inserted.types, inserted.namespaces), chainId: genesis?.chainId, dictionary: inserted.dictionary)
            recent.commit(added: inserted.lookupAdded, removed: inserted.lookupRemoved, plan: inserted.lookupPlan)
            return block
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

    public func replaceSignatures(_ byHeight: [(height: UInt64, signatures: [NodeSignature])]) throws {
        guard !byHeight.isEmpty else { return }
        var updates: [(key: Int64, bytes: [UInt8])] = []
        for (height, signatures) in byHeight {
            guard let key = Int64(exactly: height), let stored = try signedHeader(at: height) else {
                throw ChainError(.notFound, "No block \(height) is stored.")
            }
            updates.append((key, SignedBlockHeader(header: stored.header, signatures: signatures).encodedSignatures))
        }
        let heights = byHeight.count == 1 ? "block \(byHeight[0].height)" : "blocks \(byHeight[0].height) to \(byHeight[byHeight.count - 1].height)"
        do {
            // One transaction, so one sync however many blocks became final together.
            try pool.write { db in
                for (key, bytes) in updates {
                    try db.execute(sql: "UPDATE blocks SET signatures = ? WHERE height = ?", arguments: [Data(bytes), key])
                }
            }
        } catch {
            throw SQLiteErrors.map(error, doing: "store the signatures of \(heights)")
        }
    }

    public func forEachStateEntry(_ body: (StateWrite) throws -> Void) throws {
        try read("read state") { db in
            let reader = SQLiteStateReader(db: db, names: names, recent: recent)
            let namespaces = try Row.fetchAll(db, sql: "SELECT code, name FROM namespaces").map { ($0["name"] as String, $0["code"] as Int64) }
            for (namespace, code) in namespaces.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }) {
                let cursor = try Row.fetchCursor(db, sql: "SELECT key, value, packed FROM state WHERE namespace = ? ORDER BY key", arguments: [code])
                while let row = try cursor.next() {
                    let key: Data = row["key"], stored: Data = row["value"]
                    // A value that no longer unpacks is compared as stored, so verification names it.
                    let value = (try? reader.unpacked(row)) ?? Array(stored)
                    try body(StateWrite(namespace: namespace, key: Array(key), value: value))
                }
                // Entries the transactions imply (`SQLiteLookup`) follow the namespace's stored ones.
                if let kind = SQLiteLookup.kind(of: namespace) {
                    try reader.forEachDerived(kind: kind) { key, value in try body(StateWrite(namespace: namespace, key: key, value: value)) }
                }
            }
        }
    }

    /// The writing connection's `PRAGMA synchronous` (2 = FULL, 1 = NORMAL): what makes an
    /// acknowledged block durable, shown to tests.
    package var writerSynchronous: Int {
        get throws { try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 } }
    }

    /// The writing connection's page cache in KiB (`PRAGMA cache_size`, negative when given in
    /// KiB as ``Options/cacheKiB`` sets it): what a benchmark reports it ran with.
    package var writerCacheKiB: Int {
        get throws {
            try pool.writeWithoutTransaction { db in
                let size = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? 0
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                return size < 0 ? -size : size * pageSize / 1_024
            }
        }
    }

    /// Live entries of the recent lookup tier, and its merge state: what a test checks merged.
    package var recentLookupEntries: Int { get throws { try recent.liveCount } }

    /// The filter of `lookup` (§6.5): its size as `bitsLog2`, the entries set in it and the looks
    /// it answered without reading `lookup`; `nil` while there is none. What a test checks.
    package var lookupFilter: (bitsLog2: Int, entries: Int, answered: Int)? { recent.filterStatistics }

    /// Stores state entries outside any block, for ``SQLiteLedgerMigration``: the entries a
    /// copied ledger's state held that no copied block implies.
    func importState(_ writes: [StateWrite]) throws {
        guard !writes.isEmpty else { return }
        do {
            let assigned = try pool.write { db in
                let assigned = try names.assign(types: [String](), namespaces: Set(writes.map(\.namespace)), in: db)
                let put = try db.cachedStatement(sql: "INSERT OR REPLACE INTO state(namespace, key, value, packed) VALUES (?, ?, ?, ?)")
                let dictionary = names.dictionary
                for write in writes {
                    guard let value = write.value, let code = assigned.namespaces.codes[write.namespace] else { continue }
                    let packed = SQLitePacking.isCandidate(value) ? SQLitePacking.pack(value, dictionary: dictionary) : nil
                    try put.execute(arguments: [code, Data(write.key), Data(packed ?? value), packed == nil ? 0 : 1])
                }
                return assigned
            }
            names.commit(assigned, chainId: nil)
        } catch {
            throw SQLiteErrors.map(error, doing: "copy state into the ledger", systemErrno: writeErrno(after: error))
        }
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
