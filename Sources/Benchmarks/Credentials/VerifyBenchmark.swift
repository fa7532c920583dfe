import Chain
import Credentials
import DID
import Foundation
package import Node
import Primitives

/// `didctl bench verify`: in-process verification of ES256K JWT credentials from a
/// chain-resolved, accredited issuer, with status, schema and evidence checks, beside the
/// bare ES256K signature bound measured in the same run.
package struct VerifyBenchmark {
    /// Distinct credentials issued (and anchored) first.
    package var credentials = 5_000
    /// Verifications per round.
    package var verifications = 100_000
    /// Rounds; the median is reported.
    package var rounds = 3
    /// Where the chain is created.
    package var directory: DataDirectory
    /// Called with a line of progress now and then.
    package var progress: (String) -> Void = { _ in }

    /// The figures of one run.
    package struct Result: Encodable {
        /// Distinct credentials verified in turn.
        package let credentials: Int
        /// Verifications per second on all cores, median over the rounds.
        package let verificationsPerSecond: Double
        /// Bare ES256K signature checks of the same tokens per second, median over the rounds.
        package let signatureBoundPerSecond: Double
        /// `verificationsPerSecond / signatureBoundPerSecond`.
        package let ratioToBound: Double
        /// µs of one core per verification.
        package let microsecondsPerVerification: Double
        /// Whether every verification and signature check succeeded.
        package let allVerified: Bool
        /// Cores used.
        package let cores: Int
    }

    /// Creates the benchmark over a fresh data directory; the defaults are the reported settings.
    package init(credentials: Int = 5_000, verifications: Int = 100_000, rounds: Int = 3, directory: DataDirectory,
                 progress: @escaping (String) -> Void = { _ in }) {
        self.credentials = credentials
        self.verifications = verifications
        self.rounds = rounds
        self.directory = directory
        self.progress = progress
    }

    /// Sets up the accredited issuer, issues the credentials in one anchored batch and measures.
    /// - Returns: the figures (`allVerified` false when any check failed).
    /// - Throws: the chain's and issuance's errors.
    package func run() async throws -> Result {
        let issuer = try await CredentialBenchmark(directory: directory, progress: progress).setUp()
        defer { issuer.runtime.node.shutdown() }
        let subjects = (0..<credentials).map { IssuanceSubject(line: $0 + 2, claims: CredentialBenchmark.subject($0)) }
        let outcome = try await issuer.runtime.issueCredentials(did: issuer.did, signer: issuer.signer, custody: issuer.custody, cpt: issuer.cpt,
                                                                subjects: subjects, format: .jwt, validUntil: nil)
        let inputs = outcome.issued.map(\.credential)
        let verifier = issuer.runtime.credentialVerifier(policy: .accredited)
        let now = Int64(issuer.runtime.clock.nowMilliseconds())
        let failures = BenchmarkCounter()
        // A warm-up pass fills the verifier's caches as a running node's would be.
        _ = await CredentialBenchmark.parallel(min(inputs.count, 1_000)) { index in
            if await !verifier.verify(inputs[index], now: now).verified { failures.increment() }
        }
        progress("\(inputs.count) credentials issued; measuring")
        let jws = inputs.map { try? CompactJWS(parsing: $0.stringValue ?? "") }
        let key = issuer.signer.publicKey
        var rates: [Double] = [], bounds: [Double] = []
        let count = verifications, total = inputs.count
        for round in 1...max(1, rounds) {
            let seconds = await CredentialBenchmark.parallel(count) { index in
                if await !verifier.verify(inputs[index % total], now: now).verified { failures.increment() }
            }
            rates.append(Double(count) / seconds)
            let boundSeconds = await CredentialBenchmark.parallel(count) { index in
                if jws[index % total]?.isValidSignature(by: key) != true { failures.increment() }
            }
            bounds.append(Double(count) / boundSeconds)
            progress(String(format: "round %d: %.0f verifications/s, bound %.0f/s", round, rates.last!, bounds.last!))
        }
        let rate = BenchmarkStatistics.median(rates), bound = BenchmarkStatistics.median(bounds)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return Result(credentials: inputs.count, verificationsPerSecond: rate, signatureBoundPerSecond: bound, ratioToBound: rate / bound,
                      microsecondsPerVerification: 1e6 / rate * Double(cores), allVerified: failures.value == 0, cores: cores)
    }
}
