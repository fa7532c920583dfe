import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench issue`: batch issuance from a CSV, end to end (``IssueBenchmark``), reading
/// the rows with the CSV reader `credential issue --csv` uses.
struct BenchIssueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Measure batch issuance from a CSV (evidence anchored) in credentials per second, end to end.")

    @OptionGroup var global: LocalOptions
    @Option(help: "CSV rows, one credential each.") var count = 100_000
    @Option(help: "Rounds (each a fresh batch on the same chain); the median is reported.") var rounds = 3

    func validate() throws {
        guard count >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("issue") { directory in
            try await IssueBenchmark(count: count, rounds: rounds, directory: directory,
                                     readSubjects: { try CSVSubjects.read($0, schema: $1) }, progress: { output.progress($0) }).run()
        }
        try output.emit(r, text: String(format: """
            batch                          %d credentials from a CSV (ES256K vc+jwt, revocation and suspension entries, one anchor)
            issuance, end to end           %.0f credentials per second (%.2f s per batch, median)
            sample verified (accredited)   %d of %d
            output                         %.1f MB of JSON Lines
            """, r.credentials, r.credentialsPerSecond, r.secondsPerBatch, r.sampleVerified, r.sampleSize, r.outputMegabytes))
        if r.sampleVerified != r.sampleSize { throw DidctlFailure("Issued credentials failed verification.") }
    }
}
