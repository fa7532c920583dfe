import Foundation
import GRDB

/// The small codes a ledger stores instead of repeated text (`specs/chain.md` §6.3): transaction
/// type names (`types`) and state namespaces (`namespaces`), and the chain id its transactions
/// are stored without. Codes are the tables' row ids, assigned on first use inside a block's
/// write transaction; this cache learns them only once that block committed, so a rolled-back
/// block leaves no code behind that the file does not hold.
final class SQLiteNames: @unchecked Sendable {
    /// Codes and names of one table, both ways.
    struct Table {
        var codes: [String: Int64] = [:]
        var names: [Int64: String] = [:]

        mutating func add(_ name: String, _ code: Int64) {
            codes[name] = code
            names[code] = name
        }
    }

    /// Whether this process writes the ledger, so that every code is known here once its block
    /// committed; a read-only store reads the tables again when it meets a code it does not know.
    let isAuthoritative: Bool

    init(isAuthoritative: Bool) { self.isAuthoritative = isAuthoritative }

    // Guarded by `lock`.
    private let lock = NSLock()
    private var types = Table()
    private var namespaces = Table()
    private var storedChainId: String?
    private var storedDictionary: [UInt8] = []

    /// Reads both tables and the genesis chain id again, adding what this cache lacks: a code,
    /// once committed, never changes, so an older snapshot cannot take a newer code away.
    func reload(_ db: Database) throws {
        let types = try Row.fetchAll(db, sql: "SELECT code, name FROM types").map { ($0["name"] as String, $0["code"] as Int64) }
        let namespaces = try Row.fetchAll(db, sql: "SELECT code, name FROM namespaces").map { ($0["name"] as String, $0["code"] as Int64) }
        let chainId = try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'genesis'").flatMap { try? Genesis(json: $0).chainId }
        let dictionary = try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dictionary'").map(Array.init)
        lock.withLock {
            for (name, code) in types { self.types.add(name, code) }
            for (name, code) in namespaces { self.namespaces.add(name, code) }
            if let chainId { storedChainId = chainId }
            if let dictionary { storedDictionary = dictionary }
        }
    }

    /// The chain id of the stored genesis; `nil` before genesis.
    var chainId: String? { lock.withLock { storedChainId } }

    /// The packing dictionary the ledger was created with (``SQLitePacking``).
    var dictionary: [UInt8] { lock.withLock { storedDictionary } }

    func typeName(_ code: Int64) -> String? { lock.withLock { types.names[code] } }

    func namespaceCode(_ name: String) -> Int64? { lock.withLock { namespaces.codes[name] } }

    func namespaceName(_ code: Int64) -> String? { lock.withLock { namespaces.names[code] } }


    /// Codes for `typeNames` and `namespaceNames` inside a block's write transaction, adding the
    /// missing ones to the tables; the cache takes them in `commit(_:)` after the block commits.
    func assign(types typeNames: some Sequence<String>, namespaces namespaceNames: some Sequence<String>,
                in db: Database) throws -> (types: Table, namespaces: Table) {
        var (types, namespaces) = lock.withLock { (self.types, self.namespaces) }
        for name in typeNames where types.codes[name] == nil { types.add(name, try Self.code(of: name, in: "types", db)) }
        for name in namespaceNames where namespaces.codes[name] == nil {
            namespaces.add(name, try Self.code(of: name, in: "namespaces", db))
        }
        return (types, namespaces)
    }

    private static func code(of name: String, in table: String, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO \(table)(name) VALUES (?)", arguments: [name])
        guard let code = try Int64.fetchOne(db, sql: "SELECT code FROM \(table) WHERE name = ?", arguments: [name]) else {
            throw ChainError.storage("Could not record the name '\(name)' in the ledger's \(table) table.")
        }
        return code
    }

    /// Takes in the codes of a committed block, and its genesis chain id.
    func commit(_ assigned: (types: Table, namespaces: Table), chainId: String?, dictionary: [UInt8]? = nil) {
        lock.withLock {
            for (name, code) in assigned.types.codes { types.add(name, code) }
            for (name, code) in assigned.namespaces.codes { namespaces.add(name, code) }
            if let chainId { storedChainId = chainId }
            if let dictionary { storedDictionary = dictionary }
        }
    }
}
