import Foundation
import GRDB

/// The ledger's tables and the one statement sequence that appends a block.
enum SQLiteSchema {
    static func create(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS blocks(
                height INTEGER PRIMARY KEY, hash BLOB NOT NULL, header BLOB NOT NULL,
                signatures BLOB NOT NULL, firstSeq INTEGER NOT NULL, txCount INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS blocks_by_first_seq ON blocks(firstSeq);
            CREATE TABLE IF NOT EXISTS transactions(
                seq INTEGER PRIMARY KEY, idPrefix INTEGER NOT NULL, id BLOB NOT NULL, bytes BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS transactions_by_id_prefix ON transactions(idPrefix);
            CREATE TABLE IF NOT EXISTS state(
                namespace TEXT NOT NULL, key BLOB NOT NULL, value BLOB NOT NULL,
                PRIMARY KEY(namespace, key)) WITHOUT ROWID;
            """)
        guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else {
            throw ChainError.storage("The ledger is not in WAL mode.")
        }
    }

    /// The first 8 bytes of a transaction id as an integer: the lookup index holds these
    /// instead of whole 32-byte ids, which keeps it small; ids are unique by the spent set.
    static func idPrefix(_ id: [UInt8]) -> Int64 {
        Int64(bitPattern: id.prefix(8).reduce(0) { $0 << 8 | UInt64($1) })
    }

    static func insert(block: Block, writes: [StateWrite], genesis: Genesis?, in db: Database) throws {
        if let genesis {
            let json = try JSONEncoder().encode(genesis)
            try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('genesis', ?)", arguments: [json])
        }
        let firstSeq = (try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM transactions") ?? 0) + 1
        let header = block.signedHeader
        try db.cachedStatement(sql: "INSERT INTO blocks(height, hash, header, signatures, firstSeq, txCount) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [Int64(block.height), Data(header.hash), Data(header.header.encoded),
                                 Data(header.encodedSignatures), firstSeq, block.transactions.count])
        let insertTransaction = try db.cachedStatement(sql: "INSERT INTO transactions(seq, idPrefix, id, bytes) VALUES (?, ?, ?, ?)")
        for (offset, transaction) in block.transactions.enumerated() {
            try insertTransaction.execute(arguments: [firstSeq + Int64(offset), idPrefix(transaction.id.bytes),
                                                      Data(transaction.id.bytes), Data(transaction.encoded)])
        }
        let put = try db.cachedStatement(sql: "INSERT OR REPLACE INTO state(namespace, key, value) VALUES (?, ?, ?)")
        let delete = try db.cachedStatement(sql: "DELETE FROM state WHERE namespace = ? AND key = ?")
        for write in writes {
            if let value = write.value {
                try put.execute(arguments: [write.namespace, Data(write.key), Data(value)])
            } else {
                try delete.execute(arguments: [write.namespace, Data(write.key)])
            }
        }
    }
}
