import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench verify`: in-process verification of ES256K JWT credentials from a
/// chain-resolved, accredited issuer, with status, schema and evidence checks, beside the
/// bare ES256K signature bound measured in the same run; with `--format di-eddsa-rdfc`,
/// `eddsa-rdfc-2022` credentials of a did:key issuer beside EdDSA `vc+jwt` ones.
struct BenchVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Measure in-process verifications per second of ES256K JWT credentials (every check), and the signature bound; or of eddsa-rdfc-2022 credentials beside vc+jwt ones (--format di-eddsa-rdfc).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Distinct credentials issued (and anchored) first.") var credentials = 5_000
    @Option(help: "Verifications per round.") var verifications = 100_000
    @Option(help: "Rounds; the median is reported.") var rounds = 3
    @Option(help: "jwt (ES256K, chain issuer, every check) or di-eddsa-rdfc (eddsa-rdfc-2022 beside EdDSA vc+jwt, did:key issuer).")
    var format = "jwt"

    func validate() throws {
        guard credentials >= 1, verifications >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
        guard ["jwt", "di-eddsa-rdfc"].contains(format) else { throw ValidationError("--format must be jwt or di-eddsa-rdfc.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        if format == "di-eddsa-rdfc" { return try await runLinkedData(output) }
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

extension BenchVerifyCommand {
    /// `--format di-eddsa-rdfc`: LD and JWT verifications of the same claims in one run.
    func runLinkedData(_ output: Output) async throws {
        let r = try await LinkedDataVerifyBenchmark(credentials: min(credentials, 1_000), verifications: verifications, rounds: rounds,
                                                    progress: { output.progress($0) }).run()
        try output.emit(r, text: String(format: """
            credentials (did:key issuer)   %d per format, standard policy (issuer, proof, validity)
            eddsa-rdfc-2022                %.0f verifications per second on %d cores (median of rounds), %.1f µs each per core
            EdDSA vc+jwt                   %.0f verifications per second (same run, same claims)
            Ed25519 signature bound        %.0f per second (same run)
            """, r.credentials, r.linkedDataPerSecond, r.cores, r.microsecondsPerLinkedDataVerification, r.jwtPerSecond,
            r.signatureBoundPerSecond) + "\nall verified                   " + (r.allVerified ? "yes" : "NO"))
        if !r.allVerified { throw DidctlFailure("Some credentials did not verify during the benchmark.") }
    }
}
