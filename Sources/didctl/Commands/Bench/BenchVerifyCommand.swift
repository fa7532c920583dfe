import Node
import ArgumentParser
import Chain
import Credentials
import DID
import Foundation
import Primitives

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

    struct Result: Encodable {
        let credentials: Int
        let verificationsPerSecond: Double
        let signatureBoundPerSecond: Double
        let ratioToBound: Double
        let microsecondsPerVerification: Double
        let allVerified: Bool
        let cores: Int
    }

    func validate() throws {
        guard credentials >= 1, verifications >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("verify") { directory in
            let bench = CredentialBenchmark(directory: directory, progress: { output.progress($0) })
            let issuer = try await bench.setUp()
            defer { issuer.runtime.node.shutdown() }
            let subjects = (0..<credentials).map { IssuanceSubject(line: $0 + 2, claims: CredentialBenchmark.subject($0)) }
            let outcome = try await issuer.runtime.issueCredentials(did: issuer.did, signer: issuer.signer, custody: issuer.custody, cpt: issuer.cpt,
                                                                    subjects: subjects, format: .jwt, validUntil: nil)
            let inputs = outcome.issued.map(\.credential)
            let verifier = issuer.runtime.credentialVerifier(policy: .accredited)
            let now = Int64(issuer.runtime.clock.nowMilliseconds())
            let failures = BenchCounter()
            _ = await CredentialBenchmark.parallel(min(inputs.count, 1_000)) { index in
                if await !verifier.verify(inputs[index], now: now).verified { failures.add() }
            }
            output.progress("\(inputs.count) credentials issued; measuring")
            let jws = inputs.map { try? CompactJWS(parsing: $0.stringValue ?? "") }
            let key = issuer.signer.publicKey
            var rates: [Double] = [], bounds: [Double] = []
            let count = verifications, total = inputs.count
            for round in 1...rounds {
                let seconds = await CredentialBenchmark.parallel(count) { index in
                    if await !verifier.verify(inputs[index % total], now: now).verified { failures.add() }
                }
                rates.append(Double(count) / seconds)
                let boundSeconds = await CredentialBenchmark.parallel(count) { index in
                    if jws[index % total]?.isValidSignature(by: key) != true { failures.add() }
                }
                bounds.append(Double(count) / boundSeconds)
                output.progress(String(format: "round %d: %.0f verifications/s, bound %.0f/s", round, rates.last!, bounds.last!))
            }
            let rate = CredentialBenchmark.median(rates), bound = CredentialBenchmark.median(bounds)
            return Result(credentials: inputs.count, verificationsPerSecond: rate, signatureBoundPerSecond: bound, ratioToBound: rate / bound,
                          microsecondsPerVerification: 1e6 / rate * Double(ProcessInfo.processInfo.activeProcessorCount),
                          allVerified: failures.value == 0, cores: ProcessInfo.processInfo.activeProcessorCount)
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

/// A thread-safe counter for benchmark workers.
final class BenchCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
