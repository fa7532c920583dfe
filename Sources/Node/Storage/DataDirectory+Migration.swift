package import Chain
import Foundation

extension DataDirectory {
    /// What `didctl chain migrate` did.
    package struct LedgerMigration: Sendable {
        /// The layout the ledger was in; `nil` when it was already current and nothing was done.
        package var fromLayout: Int?
        /// The layout it is in now.
        package var toLayout: Int
        /// What was copied, when a copy was made.
        package var copied: SQLiteLedgerMigration.Report?
        /// Where the original file now is, when a copy was made.
        package var originalPath: String?
    }

    /// Where the original ledger is kept after a migration from `layout`.
    package func previousLedgerPath(layout: Int) -> String { ledgerPath + ".layout\(layout)" }

    /// Copies a ledger of an earlier storage layout into the current one (`specs/chain.md` §6.3):
    /// the copy is made beside the original, checked as `didctl chain verify` checks a ledger
    /// (every hash, signature, Merkle root, the replayed state commitment and the stored state),
    /// and only then put in the original's place; the original is kept as
    /// ``previousLedgerPath(layout:)``. Takes the writer lock, so no node may run meanwhile.
    /// - Parameter progress: called with a phase ("copying", "verifying") and (height, head).
    /// - Returns: what was done; nothing when the ledger is already current.
    /// - Throws: `NodeError` when the ledger cannot be copied or the copy does not verify; the
    ///   original is then left as it was.
    package func migrateLedger(progress: (String, UInt64, UInt64) -> Void = { _, _, _ in }) throws -> LedgerMigration {
        try lockForWriting()
        let current = SQLiteLedgerMigration.currentLayoutVersion
        let layout: Int?
        do { layout = try SQLiteLedgerMigration.layoutVersion(at: ledgerPath) } catch let error as ChainError {
            throw NodeError("The ledger \(ledgerPath) cannot be read: \(error.reason)")
        }
        guard let layout else { throw NodeError("\(ledgerPath) holds no ledger; nothing to migrate.") }
        guard layout != current else { return LedgerMigration(fromLayout: nil, toLayout: current) }
        guard layout < current else { throw NodeError(SQLiteLayoutMessage.newer(layout, current)) }
        if layout == 2 {
            // Layout 2 lacks only the recent lookup tier (`specs/chain.md` §6.4), which a store
            // opened for writing adds in place; nothing is copied.
            do { _ = try openStore() } catch let error as ChainError {
                throw NodeError("The ledger \(ledgerPath) could not be given storage layout \(current): \(error.reason)")
            }
            return LedgerMigration(fromLayout: layout, toLayout: current)
        }
        let copy = ledgerPath + ".migrating"
        let kept = previousLedgerPath(layout: layout)
        guard !FileManager.default.fileExists(atPath: kept) else {
            throw NodeError("\(kept) exists from an earlier migration; move it away and run 'didctl chain migrate' again.")
        }
        Self.removeDatabase(copy)
        let report: SQLiteLedgerMigration.Report
        do {
            report = try SQLiteLedgerMigration.migrate(from: ledgerPath, to: copy) { progress("copying", $0, $1) }
            let verification = try ChainVerifier(store: try SQLiteBlockStore(path: copy), handlers: NodeRuntime.handlers())
                .verify { progress("verifying", $0, $1) }
            guard verification.isValid else {
                throw NodeError("The copy does not verify (\(verification.problem ?? "")); the ledger \(ledgerPath) is left as it was.")
            }
        } catch {
            Self.removeDatabase(copy)
            if let error = error as? NodeError { throw error }
            throw NodeError("The ledger \(ledgerPath) could not be migrated: \((error as? ChainError)?.reason ?? "\(error)") "
                            + "It is left as it was.")
        }
        do {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: ledgerPath + suffix) {
                try FileManager.default.moveItem(atPath: ledgerPath + suffix, toPath: kept + suffix)
            }
            try FileManager.default.moveItem(atPath: copy, toPath: ledgerPath)
            Self.removeDatabase(copy)
        } catch {
            throw NodeError("The migrated copy \(copy) verified but could not replace \(ledgerPath): \(error). "
                            + "Move \(copy) to \(ledgerPath) by hand; the original is at \(kept).")
        }
        return LedgerMigration(fromLayout: layout, toLayout: current, copied: report, originalPath: kept)
    }

    /// Removes a database file and its WAL and shared-memory files.
    private static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// The sentence for a ledger newer than this code.
private enum SQLiteLayoutMessage {
    static func newer(_ layout: Int, _ current: Int) -> String {
        "The ledger is in storage layout \(layout), newer than this version of Chancery reads (\(current)); use a newer didctl."
    }
}
