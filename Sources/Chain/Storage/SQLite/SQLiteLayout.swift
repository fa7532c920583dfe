import Foundation
import GRDB

/// Which table layout a ledger file was written in (`specs/chain.md` §6.3). The version is
/// stored in `meta` under `layout`; the first layout stored none.
enum SQLiteLayout {
    /// The layout of the file `db` reads: `nil` for an empty file, 1 for the first layout.
    static func version(_ db: Database) throws -> Int? {
        guard try db.tableExists("meta") else { return nil }
        if let stored = try Data.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'layout'") {
            guard let text = String(data: stored, encoding: .utf8), let version = Int(text) else {
                throw ChainError(.corruptLedger, "The ledger's layout version cannot be read.")
            }
            return version
        }
        return try db.tableExists("blocks") ? 1 : nil
    }

    /// Refuses a ledger of another layout than this code's, naming what to do.
    /// - Parameter creating: whether an empty file may be given the current layout.
    static func requireCurrent(_ db: Database, creating: Bool) throws {
        switch try version(db) {
        // Layout 2 differs only by the recent lookup tier (§6.4), which a writing store adds in place.
        case nil where creating, SQLiteSchema.layoutVersion?, 2?: return
        case nil: throw ChainError(.notFound, "The file holds no ledger.")
        case let version?: throw refusal(version)
        }
    }

    static func refusal(_ version: Int) -> ChainError {
        if version < SQLiteSchema.layoutVersion {
            return ChainError(.previousLedgerLayout, "The ledger was written in storage layout \(version); this version of Chancery "
                              + "reads layout \(SQLiteSchema.layoutVersion). Run 'didctl chain migrate' to copy it into the current layout "
                              + "(the original is kept beside it).")
        }
        return ChainError(.previousLedgerLayout, "The ledger was written in storage layout \(version), newer than this version of "
                          + "Chancery reads (\(SQLiteSchema.layoutVersion)); use a newer didctl.")
    }
}
