import Foundation
import GRDB

/// Reads world state and stored transactions through one open SQLite connection (inside a read
/// or the block's write transaction), with cached statements because the block builder reads
/// once per transaction. State keys of the `lookup` namespaces are found there (`SQLiteLookup`).
struct SQLiteStateReader: StateReader, @unchecked Sendable {
    // Used only inside the GRDB closure that lent `db`; never escapes it.
    let db: Database
    let names: SQLiteNames
    /// The recent lookup tier (§6.4), looked at before `lookup`.
    let recent: SQLiteRecentLookup
    /// Type codes assigned by the block being stored, not yet in `names`.
    var pendingTypes: SQLiteNames.Table?
    /// The packing dictionary, when the block being stored is genesis's and `names` lacks it.
    var pendingDictionary: [UInt8]?

    init(db: Database, names: SQLiteNames, recent: SQLiteRecentLookup, pendingTypes: SQLiteNames.Table? = nil, dictionary: [UInt8]? = nil) {
        self.db = db
        self.names = names
        self.recent = recent
        self.pendingTypes = pendingTypes
        pendingDictionary = dictionary
    }

    private var dictionary: [UInt8] { pendingDictionary ?? names.dictionary }

    /// A stored state value as it was written.
    func unpacked(_ row: Row) throws -> [UInt8] {
        let value: Data = row["value"], packed: Int64 = row["packed"]
        return packed == 0 ? Array(value) : try SQLitePacking.unpack(Array(value), dictionary: dictionary)
    }

    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? {
        if let kind = SQLiteLookup.kind(of: namespace), let found = try derived(kind: kind, key: key) { return found.value }
        guard let code = try namespaceCode(namespace) else { return nil }
        let statement = try db.cachedStatement(sql: "SELECT value, packed FROM state WHERE namespace = ? AND key = ?")
        return try Row.fetchOne(statement, arguments: [code, Data(key)]).map(unpacked)
    }

    func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        var result: [(key: [UInt8], value: [UInt8])] = []
        if let code = try namespaceCode(namespace) {
            let statement = try db.cachedStatement(sql: "SELECT key, value, packed FROM state WHERE namespace = ? AND key >= ? ORDER BY key")
            let cursor = try Row.fetchCursor(statement, arguments: [code, Data(prefix)])
            while let row = try cursor.next() {
                let key: Data = row["key"]
                guard key.starts(with: prefix) else { break }
                result.append((Array(key), try unpacked(row)))
            }
        }
        if let kind = SQLiteLookup.kind(of: namespace) {
            try forEachDerived(kind: kind) { key, value in if key.starts(with: prefix) { result.append((key, value)) } }
            result.sort { $0.key.lexicographicallyPrecedes($1.key) }
        }
        return result
    }

    /// The implied entry for `key` and the sequence number of the transaction implying it.
    /// - Parameter excluding: entries the block being stored has removed already.
    func derived(kind: Int64, key: [UInt8], excluding: Set<Int64> = []) throws -> (value: [UInt8], seq: Int64)? {
        try firstMatch(kind: kind, hash: key, excluding: excluding) { seq, transaction in
            try SQLiteLookup.value(kind: kind, key: key, of: transaction, height: { try height(containing: seq) }).map { ($0, seq) }
        }
    }

    /// What `match` makes of the first candidate for `hash` of `kind` it accepts, given the
    /// candidate's sequence number and stored transaction: the recent tier's candidates first (an
    /// entry leaves it only once it is in `lookup`, §6.4), then `lookup`'s.
    /// - Parameter excluding: entries the block being stored has removed already.
    func firstMatch<T>(kind: Int64, hash: [UInt8], excluding: Set<Int64> = [],
                       _ match: (_ seq: Int64, _ transaction: Transaction) throws -> T?) throws -> T? {
        let candidates = try recent.candidates(kind: kind, hash: hash)
        for entry in candidates.recent where !excluding.contains(entry) {
            let seq = SQLiteLookup.seq(of: entry)
            // A snapshot older than the tier's newest block lacks that block's transactions.
            if let transaction = try transactionIfCommitted(seq: seq), let found = try match(seq, transaction) { return found }
        }
        // The block being stored may have merged entries into `lookup` already; they are still
        // in the tier until it commits (§6.4), and the filter is certain about the rest (§6.5).
        guard candidates.lookupMayHold else { return nil }
        let statement = try db.cachedStatement(sql: "SELECT entry FROM lookup WHERE entry BETWEEN ? AND ?")
        let range = SQLiteLookup.range(kind: kind, hash: hash)
        for entry in try Int64.fetchAll(statement, arguments: [range.lowerBound, range.upperBound]) where !excluding.contains(entry) {
            let seq = SQLiteLookup.seq(of: entry)
            if let found = try match(seq, try transaction(seq: seq)) { return found }
        }
        return nil
    }

    /// Every implied entry of `kind`, in key order: `lookup`'s and the live `pending` rows of
    /// this connection's snapshot, merged.
    func forEachDerived(kind: Int64, _ body: ([UInt8], [UInt8]) throws -> Void) throws {
        let all = SQLiteLookup.range(kind: kind, hash: []).lowerBound...(SQLiteLookup.range(kind: kind, hash: [0xFF, 0xFF, 0xFF, 0xFF]).upperBound)
        var recentEntries: [Int64] = []
        if try db.tableExists("pending") {
            let state = try SQLiteRecentLookup.MergeState.read(db)
            recentEntries = try Int64.fetchAll(db, sql: "SELECT \(SQLiteRecentLookup.MergeState.entryColumn) FROM pending WHERE \(SQLiteRecentLookup.MergeState.liveCondition)",
                                               arguments: state.liveArguments).filter { all.contains($0) }.sorted()
        }
        let cursor = try Int64.fetchCursor(db, sql: "SELECT entry FROM lookup WHERE entry BETWEEN ? AND ? ORDER BY entry",
                                           arguments: [all.lowerBound, all.upperBound])
        // Keys sharing a prefix are few; they are sorted among themselves before they are passed on.
        var group: [([UInt8], [UInt8])] = [], groupPrefix: Int64?
        func flush() throws {
            for (key, value) in group.sorted(by: { $0.0.lexicographicallyPrecedes($1.0) }) { try body(key, value) }
            group.removeAll()
        }
        var next = try cursor.next(), index = 0
        while true {
            let entry: Int64
            if let stored = next, index == recentEntries.count || stored <= recentEntries[index] {
                entry = stored
                next = try cursor.next()
            } else if index < recentEntries.count {
                entry = recentEntries[index]
                index += 1
            } else {
                break
            }
            let prefix = SQLiteLookup.hashBits(of: entry), seq = SQLiteLookup.seq(of: entry)
            if prefix != groupPrefix { try flush() }
            groupPrefix = prefix
            let transaction = try transaction(seq: seq)
            let key = kind == SQLiteLookup.spentKey ? transaction.oneTimeKey : Array(transaction.body.prefix(32))
            guard let value = try SQLiteLookup.value(kind: kind, key: key, of: transaction, height: { try height(containing: seq) }) else {
                throw ChainError(.corruptLedger, "The lookup entry of stored transaction \(seq) does not match it.")
            }
            group.append((key, value))
        }
        try flush()
    }

    /// The stored transaction `seq`, or `nil` when it was committed after this connection's
    /// snapshot began.
    /// - Throws: `ChainError.corruptLedger` when a transaction at or below the snapshot's last is missing.
    func transactionIfCommitted(seq: Int64) throws -> Transaction? {
        let statement = try db.cachedStatement(sql: "SELECT bytes FROM transactions WHERE seq = ?")
        if let stored = try Data.fetchOne(statement, arguments: [seq]) { return try decode(Array(stored)) }
        guard let last = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM transactions"), last >= seq else { return nil }
        throw ChainError(.corruptLedger, "Stored transaction \(seq), which the lookup table names, is missing.")
    }

    /// The stored transaction `seq`, its wire bytes rebuilt.
    /// - Throws: `ChainError.corruptLedger` when it is missing or cannot be decoded.
    func transaction(seq: Int64) throws -> Transaction {
        let statement = try db.cachedStatement(sql: "SELECT bytes FROM transactions WHERE seq = ?")
        guard let stored = try Data.fetchOne(statement, arguments: [seq]) else {
            throw ChainError(.corruptLedger, "Stored transaction \(seq), which the lookup table names, is missing.")
        }
        return try decode(Array(stored))
    }

    /// A stored transaction from its stored form.
    func decode(_ stored: [UInt8]) throws -> Transaction {
        if names.chainId == nil { try names.reload(db) }
        guard let chainId = names.chainId else { throw ChainError(.corruptLedger, "The ledger holds transactions but no genesis document.") }
        let wire: [UInt8]
        do { wire = try SQLiteStoredTransaction.wire(from: stored, chainId: chainId, dictionary: dictionary, typeName: typeName) } catch {
            // A type code another connection added since this one last looked.
            try names.reload(db)
            wire = try SQLiteStoredTransaction.wire(from: stored, chainId: chainId, dictionary: dictionary, typeName: typeName)
        }
        do { return try Transaction(decoding: wire) } catch {
            throw ChainError(.corruptLedger, "A stored transaction cannot be decoded: \(error.reason)")
        }
    }

    /// The height of the block holding stored transaction `seq`.
    func height(containing seq: Int64) throws -> UInt64 {
        // Blocks without transactions share their successor's firstSeq: the highest such block holds it.
        let statement = try db.cachedStatement(sql: "SELECT height FROM blocks WHERE firstSeq <= ? ORDER BY firstSeq DESC, height DESC LIMIT 1")
        guard let height = try Int64.fetchOne(statement, arguments: [seq]) else {
            throw ChainError(.corruptLedger, "No block holds stored transaction \(seq).")
        }
        return UInt64(height)
    }

    private func typeName(_ code: Int64) -> String? { pendingTypes?.names[code] ?? names.typeName(code) }

    private func namespaceCode(_ name: String) throws -> Int64? {
        if let code = names.namespaceCode(name) { return code }
        // A writing store's cache knows every code; a reading one may be behind a writer elsewhere.
        guard !names.isAuthoritative else { return nil }
        try names.reload(db)
        return names.namespaceCode(name)
    }
}
