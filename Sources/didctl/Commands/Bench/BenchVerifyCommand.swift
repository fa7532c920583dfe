import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench verify`: in-process verification of ES256K JWT credentials from a
/// chain-resolved, accredited issuer, with status, schema and evidence checks, beside the
/// bare ES256K signature bound measured in the same run.
struct BenchVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Measure in-process verifications per second of ES256K JWT credentials (every check), and the signature bound.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Distinct credentials issued (and anchored) first.") var credentials = 5_000
    @Option(help: "Verifications per round.") var verifications = 100_000
    @Option(help: "Rounds; the median is reported.") var rounds = 3

    func validate() throws {
        guard credentials >= 1, verifications >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("verify") { directory in
            try await VerifyBenchmark(credentials: credentials, verifications: verifications, rounds: rounds, directory: directory,
                                      progress: { output.progress($0) }).run()
        }
        try output.emit(r, text: String(format: """
            credentials (ES256K vc+jwt)    %d, every check (issuer, proof, validity, schema, accreditation, status, evidence)
            verifications                  %.0f per second on %d cores (median of rounds), %.1f µs each per core
            ES256K signature bound         %.0f per second (same run)
            ratio to the bound             %.2f
            """, r.credentials, r.verificationsPerSecond, r.cores, r.microsecondsPerVerification, r.signatureBoundPerSecond,
            r.ratioToBound) + "\nall verified                   " + (r.allVerified ? "yes" : "NO"))
        if !r.allVerified { throw DidctlFailure("Some credentials did not verify during the benchmark.") }
    }
}
