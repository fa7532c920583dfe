import Node
import ArgumentParser
import Chain
import Foundation

/// `didctl chain migrate`: copies a ledger of an earlier storage layout into the current one,
/// verifies the copy and puts it in place, keeping the original beside it.
struct ChainMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a ledger of an earlier storage layout into the current one, verify it, and keep the original.")

    @OptionGroup var global: LocalOptions

    func run() throws {
        let output = Output(json: global.json)
        let progress = ProgressLine(enabled: !global.json, label: "migrating blocks")
        let migration = try global.directory.migrateLedger { phase, height, head in
            progress.update(Int(height + 1), of: Int(head + 1))
        }
        progress.finish()
        var object: [String: Any] = ["migrated": migration.fromLayout != nil, "layout": migration.toLayout]
        if let from = migration.fromLayout { object["fromLayout"] = from }
        if let copied = migration.copied {
            object["blocks"] = copied.blocks
            object["transactions"] = copied.transactions
            object["stateEntries"] = copied.stateEntries
        }
        if let original = migration.originalPath { object["original"] = original }
        output.emit(object, text: migration.fromLayout.map { from in
            migration.copied == nil ? "Ledger upgraded in place from storage layout \(from) to \(migration.toLayout) (the recent lookup tier added)." :
            "Ledger migrated from storage layout \(from) to \(migration.toLayout): \(migration.copied?.blocks ?? 0) blocks and "
                + "\(migration.copied?.transactions ?? 0) transactions copied and verified; the original is kept at \(migration.originalPath ?? "")."
        } ?? "The ledger is already in storage layout \(migration.toLayout); nothing to do.")
    }
}
