import Foundation
import GRDB

/// The ledger's tables (`specs/chain.md` §6.3) and the one statement sequence that appends a block.
enum SQLiteSchema {
    /// The layout this code writes, stored in `meta` under `layout`. A ledger without it was
    /// written by the first layout, which `didctl chain migrate` copies into this one; layout 2
    /// lacks the `pending` tier (§6.4) and is given it in place when opened for writing.
    static let layoutVersion = 3

    static func create(in db: Database) throws {
        try SQLiteLayout.requireCurrent(db, creating: true)
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
            INSERT OR IGNORE INTO meta(key, value) VALUES ('layout', CAST('\(layoutVersion)' AS BLOB));
            CREATE TABLE IF NOT EXISTS types(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS namespaces(code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS blocks(
                height INTEGER PRIMARY KEY, hash BLOB NOT NULL, header BLOB NOT NULL,
                signatures BLOB NOT NULL, firstSeq INTEGER NOT NULL, txCount INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS blocks_by_first_seq ON blocks(firstSeq);
            CREATE TABLE IF NOT EXISTS transactions(seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS lookup(entry INTEGER PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS pending(slot INTEGER PRIMARY KEY, prefix INTEGER NOT NULL);
            UPDATE meta SET value = CAST('\(layoutVersion)' AS BLOB) WHERE key = 'layout' AND CAST(value AS TEXT) = '2';
            CREATE TABLE IF NOT EXISTS state(
                namespace INTEGER NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL, packed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY(namespace, key)) WITHOUT ROWID;
            """)
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else {
            throw ChainError.storage("The ledger is not in WAL mode.")
        }
    }

    /// The first 8 bytes of a transaction id as an integer, for the audit index's own lookup.
    static func idPrefix(_ id: [UInt8]) -> Int64 {
        Int64(bitPattern: id.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// What storing a block changed beyond the file: the codes it assigned, for genesis the
    /// packing dictionary, and its change to the recent lookup tier, applied once it committed.
    struct Inserted {
        var types: SQLiteNames.Table
        var namespaces: SQLiteNames.Table
        var dictionary: [UInt8]?
        var lookupAdded: [Int64]
        var lookupRemoved: Set<Int64>
        var lookupPlan: SQLiteRecentLookup.Plan
    }

    /// Stores a block: its header, its transactions, their lookup entries into `pending` (and a
    /// slice of the merging generation into `lookup`, §6.4) and its other state writes.
    static func insert(block: Block, writes: [StateWrite], genesis: Genesis?, names: SQLiteNames,
                       recent: SQLiteRecentLookup, in db: Database) throws -> Inserted {
        var dictionary = names.dictionary
        if let genesis {
            let json = try JSONEncoder().encode(genesis)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('genesis', ?)", arguments: [json])
            dictionary = SQLitePacking.dictionary(chainId: genesis.chainId)
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('dictionary', ?)", arguments: [Data(dictionary)])
        }
        guard let chainId = genesis?.chainId ?? names.chainId else {
            throw ChainError.storage("The ledger holds no genesis document to store a block under.")
        }
        let assigned = try names.assign(types: Set(block.transactions.map(\.type.name)), namespaces: Set(writes.map(\.namespace)), in: db)
        let firstSeq = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM transactions") ?? 0) + 1
        let header = block.signedHeader
        try db.cachedStatement(sql: "INSERT INTO blocks(height, hash, header, signatures, firstSeq, txCount) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [Int64(block.height), Data(header.hash), Data(header.header.encoded),
                                 Data(header.encodedSignatures), firstSeq, block.transactions.count])
        let insertTransaction = try db.cachedStatement(sql: "INSERT INTO transactions(seq, bytes) VALUES (?, ?)")
        let insertPending = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pending(slot, prefix) VALUES (?, ?)")
        let deletePending = try db.cachedStatement(sql: "DELETE FROM pending WHERE slot = ?")
        // The block's own lookup entries, by hash prefix, until it commits.
        var added: [Int64] = [], staged: [Int64: [Int64]] = [:], removed = Set<Int64>()
        func add(_ entry: Int64) throws {
            try insertPending.execute(arguments: [SQLiteRecentLookup.slot(of: entry), entry >> 32])
            added.append(entry)
            staged[entry >> 32, default: []].append(entry)
        }
        for (offset, transaction) in block.transactions.enumerated() {
            let seq = firstSeq + Int64(offset)
            let stored = SQLiteStoredTransaction.encode(transaction, chainId: chainId, typeCode: assigned.types.codes[transaction.type.name] ?? 0,
                                                        dictionary: dictionary)
            try insertTransaction.execute(arguments: [seq, Data(stored)])
            try add(SQLiteLookup.entry(kind: SQLiteLookup.transactionId, hash: transaction.id.bytes, seq: seq))
        }
        let derived = SQLiteLookup(block: block, firstSeq: firstSeq)
        let reader = SQLiteStateReader(db: db, names: names, recent: recent, pendingTypes: assigned.types, dictionary: dictionary)
        let put = try db.cachedStatement(sql: "INSERT OR REPLACE INTO state(namespace, key, value, packed) VALUES (?, ?, ?, ?)")
        let delete = try db.cachedStatement(sql: "DELETE FROM state WHERE namespace = ? AND key = ?")
        let height = block.height
        for write in writes {
            let namespace = assigned.namespaces.codes[write.namespace]!
            if let kind = SQLiteLookup.kind(of: write.namespace) {
                // A key of a derived namespace lives in one place: drop what a previous write left,
                // this block's own entry first, then the recent tier's or `lookup`'s.
                try delete.execute(arguments: [namespace, Data(write.key)])
                let prefix = SQLiteLookup.range(kind: kind, hash: write.key).lowerBound >> 32
                if let entry = staged[prefix]?.first(where: { entry in
                    SQLiteLookup.value(kind: kind, key: write.key, of: block.transactions[Int(SQLiteLookup.seq(of: entry) - firstSeq)],
                                       height: { height }) != nil
                }) {
                    try deletePending.execute(arguments: [SQLiteRecentLookup.slot(of: entry)])
                    added.removeAll { $0 == entry }
                    staged[prefix]?.removeAll { $0 == entry }
                } else if let (_, seq) = try reader.derived(kind: kind, key: write.key, excluding: removed) {
                    let entry = SQLiteLookup.entry(kind: kind, hash: write.key, seq: seq)
                    if try recent.contains(entry) {
                        try deletePending.execute(arguments: [SQLiteRecentLookup.slot(of: entry)])
                        removed.insert(entry)
                    } else {
                        try db.execute(sql: "DELETE FROM lookup WHERE entry = ?", arguments: [entry])
                    }
                }
                if let value = write.value, let seq = derived.seq(kind: kind, key: write.key, value: value) {
                    try add(SQLiteLookup.entry(kind: kind, hash: write.key, seq: seq))
                    continue
                }
            }
            if let value = write.value {
                let packed = SQLitePacking.isCandidate(value) ? SQLitePacking.pack(value, dictionary: dictionary) : nil
                try put.execute(arguments: [namespace, Data(write.key), Data(packed ?? value), packed == nil ? 0 : 1])
            } else {
                try delete.execute(arguments: [namespace, Data(write.key)])
            }
        }
        let plan = try merge(added: added.count, removed: removed, firstSeq: firstSeq, recent: recent, in: db)
        return Inserted(types: assigned.types, namespaces: assigned.namespaces, dictionary: genesis == nil ? nil : dictionary,
                        lookupAdded: added, lookupRemoved: removed, lookupPlan: plan)
    }

    /// Moves the block's slice of the merging generation into `lookup` in key order, records the
    /// merge state, and deletes a few rows of generations already merged (§6.4).
    private static func merge(added: Int, removed: Set<Int64>, firstSeq: Int64, recent: SQLiteRecentLookup,
                              in db: Database) throws -> SQLiteRecentLookup.Plan {
        let plan = try recent.plan(added: added, removed: removed, firstSlot: firstSeq << 2)
        let insertLookup = try db.cachedStatement(sql: "INSERT OR IGNORE INTO lookup(entry) VALUES (?)")
        for entry in plan.merged { try insertLookup.execute(arguments: [entry]) }
        if try plan.state != recent.mergeState {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
                .execute(arguments: [SQLiteRecentLookup.MergeState.metaKey, plan.state.encoded])
        }
        // Eight slots per added entry: a generation (at most four slots an entry) is gone before
        // the next one is merged.
        if plan.state.generationStart > 0, let low = try Int64.fetchOne(db, sql: "SELECT MIN(slot) FROM pending"),
           low <= plan.state.generationStart {
            try db.cachedStatement(sql: "DELETE FROM pending WHERE slot <= ?")
                .execute(arguments: [min(plan.state.generationStart, low + 8 * Int64(max(added, 64)))])
        }
        return plan
    }
}
