import Foundation
import GRDB

/// The ledger's tables (`specs/chain.md` §6.3) and the one statement sequence that appends a block.
enum SQLiteSchema {
    /// The layout this code writes, stored in `meta` under `layout`. A ledger without it was
    /// written by the first layout, which `didctl chain migrate` copies into this one.
    static let layoutVersion = 2

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

    /// Stores a block; returns the codes it assigned and, for genesis, the packing dictionary.
    static func insert(block: Block, writes: [StateWrite], genesis: Genesis?, names: SQLiteNames,
                       in db: Database) throws -> (types: SQLiteNames.Table, namespaces: SQLiteNames.Table, dictionary: [UInt8]?) {
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
        let insertLookup = try db.cachedStatement(sql: "INSERT OR IGNORE INTO lookup(entry) VALUES (?)")
        for (offset, transaction) in block.transactions.enumerated() {
            let seq = firstSeq + Int64(offset)
            let stored = SQLiteStoredTransaction.encode(transaction, chainId: chainId, typeCode: assigned.types.codes[transaction.type.name] ?? 0,
                                                        dictionary: dictionary)
            try insertTransaction.execute(arguments: [seq, Data(stored)])
            try insertLookup.execute(arguments: [SQLiteLookup.entry(kind: SQLiteLookup.transactionId, hash: transaction.id.bytes, seq: seq)])
        }
        let derived = SQLiteLookup(block: block, firstSeq: firstSeq)
        let reader = SQLiteStateReader(db: db, names: names, pendingTypes: assigned.types, dictionary: dictionary)
        let put = try db.cachedStatement(sql: "INSERT OR REPLACE INTO state(namespace, key, value, packed) VALUES (?, ?, ?, ?)")
        let delete = try db.cachedStatement(sql: "DELETE FROM state WHERE namespace = ? AND key = ?")
        for write in writes {
            let namespace = assigned.namespaces.codes[write.namespace]!
            if let kind = SQLiteLookup.kind(of: write.namespace) {
                // A key of a derived namespace lives in one place: drop what a previous write left.
                try delete.execute(arguments: [namespace, Data(write.key)])
                try reader.removeDerived(kind: kind, key: write.key)
                if let value = write.value, let seq = derived.seq(kind: kind, key: write.key, value: value) {
                    try insertLookup.execute(arguments: [SQLiteLookup.entry(kind: kind, hash: write.key, seq: seq)])
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
        return (assigned.types, assigned.namespaces, genesis == nil ? nil : dictionary)
    }
}
