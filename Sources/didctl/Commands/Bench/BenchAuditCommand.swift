import ArgumentParser
import Benchmarks
import Chain
import Foundation
import Node

/// `didctl bench audit`: envelopes opened per second while the auditor's index follows a chain.
struct BenchAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Measure envelopes opened per second while the auditor's index follows the chain (all cores).")

    @OptionGroup var global: LocalOptions

    @Option(help: "Transactions in the ledger the index follows.")
    var transactions = 20_000

    @Option(help: "Rounds (a fresh index each); the median is reported.")
    var rounds = 3

    func validate() throws {
        guard transactions >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        output.progress("building a ledger of \(transactions) transactions and following it \(rounds)× in memory and in SQLite…")
        let memory = try await AuditBenchmark.run(transactions: transactions, rounds: rounds)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-bench-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var round = 0
        let sqlite = try await AuditBenchmark.run(transactions: transactions, rounds: rounds) {
            round += 1
            return try SQLiteAuditIndexStore(path: directory.appendingPathComponent("index-\(round).sqlite").path)
        }
        output.emit(
            ["transactions": memory.transactions, "blocks": memory.blocks, "rounds": rounds,
             "envelopesPerSecondInMemory": memory.envelopesPerSecond, "envelopesPerSecondSQLite": sqlite.envelopesPerSecond,
             "cores": ProcessInfo.processInfo.activeProcessorCount],
            text: String(format: """
                envelopes opened while following %d transactions in %d blocks (median of %d rounds, %d cores):
                  in-memory index   %.0f envelopes/s
                  SQLite index      %.0f envelopes/s
                """, memory.transactions, memory.blocks, rounds, ProcessInfo.processInfo.activeProcessorCount,
                memory.envelopesPerSecond, sqlite.envelopesPerSecond))
    }
}
