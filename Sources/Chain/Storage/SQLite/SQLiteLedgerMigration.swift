import Foundation
import GRDB
import Primitives

/// Copies a ledger of the first storage layout into a new file of the current one
/// (`specs/chain.md` §6.3, `didctl chain migrate`). Blocks are copied as they are, signatures
/// included; each block's spent one-time keys and anchors are stored as its transactions imply
/// them, and every other state entry is copied from the old state table. The original file is
/// only read. Check the copy with ``ChainVerifier`` before putting it in the original's place.
public enum SQLiteLedgerMigration {
    /// What a migration copied.
    public struct Report: Sendable, Equatable {
        /// Blocks copied, genesis included.
        public var blocks: UInt64
        /// Transactions copied.
        public var transactions: Int
        /// State entries copied or implied.
        public var stateEntries: Int
    }

    /// The layout of the ledger at `path`: 1 for the first layout, `nil` for a file without a ledger.
    /// - Throws: `ChainError.corruptLedger` or `.storageFailure` when it cannot be read.
    public static func layoutVersion(at path: String) throws -> Int? {
        do { return try readOnly(path).read { db in try SQLiteLayout.version(db) } } catch {
            throw SQLiteErrors.map(error, doing: "read the layout of the ledger at \(path)")
        }
    }

    /// The layout this version of Chancery reads and writes.
    public static var currentLayoutVersion: Int { SQLiteSchema.layoutVersion }

    /// Copies the first-layout ledger at `source` into a new ledger at `destination`.
    /// - Parameters:
    ///   - progress: called with (copied height, head height) after each block.
    /// - Returns: what was copied.
    /// - Throws: `ChainError.previousLedgerLayout` when `source` is not of the first layout;
    ///   `.alreadyExists` when `destination` exists; `.corruptLedger` when a stored block or
    ///   transaction cannot be read; `.storageFailure`, `.diskFull` when writing fails.
    public static func migrate(from source: String, to destination: String,
                               progress: (UInt64, UInt64) -> Void = { _, _ in }) throws -> Report {
        guard try layoutVersion(at: source) == 1 else {
            throw ChainError(.previousLedgerLayout, "The ledger at \(source) is not of storage layout 1; only layout 1 is migrated.")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw ChainError(.alreadyExists, "\(destination) exists; remove it or choose another destination.")
        }
        let old = try readOnly(source)
        let store = try SQLiteBlockStore(path: destination)
        var report = Report(blocks: 0, transactions: 0, stateEntries: 0)
        do {
            try old.read { db in
                guard let stored = try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'genesis'") else {
                    throw ChainError(.corruptLedger, "The ledger at \(source) holds no genesis document.")
                }
                let genesis = try Genesis(json: stored)
                let head = try Int64.fetchOne(db, sql: "SELECT MAX(height) FROM blocks") ?? -1
                let blocks = try Row.fetchCursor(db, sql: "SELECT height, hash, header, signatures, firstSeq, txCount FROM blocks ORDER BY height")
                while let row = try blocks.next() {
                    let block = try Self.block(from: row, in: db)
                    let writes = try block.height == 0 ? [] : impliedWrites(of: block, in: db)
                    _ = try store.append(genesis: block.height == 0 ? genesis : nil) { _ in (block, writes) }
                    report.blocks += 1
                    report.transactions += block.transactions.count
                    report.stateEntries += writes.count
                    progress(block.height, UInt64(max(head, 0)))
                }
                report.stateEntries += try copyState(from: db, to: store)
            }
            try store.checkpoint()
        } catch {
            throw SQLiteErrors.map(error, doing: "migrate the ledger at \(source)")
        }
        return report
    }

    private static func readOnly(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabasePool(path: path, configuration: configuration)
    }

    private static func block(from row: Row, in db: Database) throws -> Block {
        let hash: Data = row["hash"], header: Data = row["header"], signatures: Data = row["signatures"]
        let first: Int64 = row["firstSeq"], count: Int64 = row["txCount"]
        let decoded = try BlockHeader(decoding: Array(header))
        let signed = SignedBlockHeader(header: decoded, signatures: try SignedBlockHeader.decodeSignatures(
            Array(signatures), keyLength: decoded.suite.signature.publicKeyLength))
        guard signed.hash == Array(hash) else {
            throw ChainError(.corruptLedger, "Block \(decoded.height)'s recorded hash does not match its header.")
        }
        let transactions = try Row.fetchAll(db, sql: "SELECT id, bytes FROM transactions WHERE seq >= ? AND seq < ? ORDER BY seq",
                                            arguments: [first, first + count]).map { row in
            let id: Data = row["id"], bytes: Data = row["bytes"]
            let transaction = try Transaction(decoding: Array(bytes))
            guard transaction.id.bytes == Array(id) else {
                throw ChainError(.corruptLedger, "A stored transaction of block \(decoded.height) does not match its recorded id.")
            }
            return transaction
        }
        return Block(signedHeader: signed, transactions: transactions)
    }

    /// The spent keys and anchors of `block` that the old state holds as the block implies them.
    private static func impliedWrites(of block: Block, in db: Database) throws -> [StateWrite] {
        var writes: [StateWrite] = []
        var height = ByteWriter(capacity: 8)
        height.u64(block.height)
        for transaction in block.transactions {
            var candidates = [StateWrite(namespace: ChainNamespace.spentKeys, key: transaction.oneTimeKey, value: [])]
            if transaction.type == AnchorHandler.transactionType, transaction.body.count >= 32 {
                candidates.append(StateWrite(namespace: AnchorHandler.namespace, key: Array(transaction.body.prefix(32)), value: height.bytes))
            }
            for write in candidates {
                let stored = try Data.fetchOne(db, sql: "SELECT value FROM state WHERE namespace = ? AND key = ?",
                                               arguments: [write.namespace, Data(write.key)])
                if stored.map(Array.init) == write.value { writes.append(write) }
            }
        }
        return writes
    }

    /// Copies the old state entries the blocks did not imply, in batches of 10,000 per transaction.
    private static func copyState(from db: Database, to store: SQLiteBlockStore) throws -> Int {
        let rows = try Row.fetchCursor(db, sql: "SELECT namespace, key, value FROM state ORDER BY namespace, key")
        var batch: [StateWrite] = [], copied = 0
        while let row = try rows.next() {
            let namespace: String = row["namespace"], key: Data = row["key"], value: Data = row["value"]
            if SQLiteLookup.kind(of: namespace) != nil, try store.value(namespace: namespace, key: Array(key)) == Array(value) { continue }
            batch.append(StateWrite(namespace: namespace, key: Array(key), value: Array(value)))
            if batch.count == 10_000 {
                try store.importState(batch)
                copied += batch.count
                batch.removeAll(keepingCapacity: true)
            }
        }
        try store.importState(batch)
        return copied + batch.count
    }
}
