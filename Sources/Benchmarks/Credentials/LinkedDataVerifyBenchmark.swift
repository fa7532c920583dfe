import Credentials
import DID
import Foundation
import Primitives

/// `didctl bench verify --format di-eddsa-rdfc`: in-process verification of `eddsa-rdfc-2022`
/// credentials (JSON-LD expansion, RDFC-1.0 canonicalization and the Ed25519 check) beside
/// EdDSA `vc+jwt` credentials of the same issuer, claims and verifier in the same run, and the
/// bare Ed25519 signature bound.
///
/// The issuer is a did:key (resolved without a chain, through a caching resolver as a node's)
/// and the verifier applies the standard policy, so both formats pay for the same checks and
/// the difference is the securing format.
package struct LinkedDataVerifyBenchmark {
    /// Distinct credentials issued first, in each format.
    package var credentials = 1_000
    /// Verifications per round, in each format.
    package var verifications = 20_000
    /// Rounds; the median is reported.
    package var rounds = 3
    /// Called with a line of progress now and then.
    package var progress: (String) -> Void = { _ in }

    /// The figures of one run.
    package struct Result: Encodable {
        /// Distinct credentials verified in turn, in each format.
        package let credentials: Int
        /// eddsa-rdfc-2022 verifications per second on all cores, median over the rounds.
        package let linkedDataPerSecond: Double
        /// EdDSA vc+jwt verifications per second on all cores, median over the rounds.
        package let jwtPerSecond: Double
        /// Bare Ed25519 signature checks per second, median over the rounds.
        package let signatureBoundPerSecond: Double
        /// µs of one core per eddsa-rdfc-2022 verification.
        package let microsecondsPerLinkedDataVerification: Double
        /// Whether every verification succeeded.
        package let allVerified: Bool
        /// Cores used.
        package let cores: Int
    }

    /// Creates the benchmark; the defaults are the reported settings.
    package init(credentials: Int = 1_000, verifications: Int = 20_000, rounds: Int = 3, progress: @escaping (String) -> Void = { _ in }) {
        self.credentials = credentials
        self.verifications = verifications
        self.rounds = rounds
        self.progress = progress
    }

    /// Issues the credentials in both formats and measures.
    /// - Returns: the figures (`allVerified` false when any verification failed).
    /// - Throws: issuance errors.
    package func run() async throws -> Result {
        let key = Ed25519PrivateKey()
        let didKey = try DIDKey(publicKey: .ed25519(key.publicKey))
        let signer = PrivateKeySigner(key: .ed25519(key), verificationMethod: didKey.verificationMethodID.description)
        let linkedData = try CredentialIssuer(issuer: didKey.did.description, signer: signer, format: .diEdDSARDFC)
        let jwt = try CredentialIssuer(issuer: didKey.did.description, signer: signer, format: .jwt)
        var ldInputs: [JSONValue] = [], jwtInputs: [JSONValue] = []
        for index in 0..<max(1, credentials) {
            let credential = Self.credential(index, issuer: didKey.did.description)
            ldInputs.append(try await linkedData.secure(credential))
            jwtInputs.append(try await jwt.secure(credential))
        }
        // A node resolves did:key through its caching resolver (NodeRuntime.resolver()), as here.
        let resolver = CachingResolver(DIDKey.Resolver(), maxEntries: 10_000, timeToLive: .seconds(300)) {
            UInt64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
        }
        let verifier = CredentialVerifier(resolver: resolver, registry: InMemoryCredentialRegistry())
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let failures = BenchmarkCounter()
        let ld = ldInputs, jwts = jwtInputs, total = ldInputs.count, count = verifications
        let messages = (0..<total).map { Array("message \($0)".utf8) }
        let signatures = messages.map { key.signature(for: $0) }
        let publicKey = key.publicKey
        _ = await CredentialBenchmark.parallel(min(total, 200)) { index in
            if await !verifier.verify(ld[index], now: now).verified { failures.increment() }
        }
        progress("\(total) credentials issued in each format; measuring")
        var ldRates: [Double] = [], jwtRates: [Double] = [], bounds: [Double] = []
        for round in 1...max(1, rounds) {
            let ldSeconds = await CredentialBenchmark.parallel(count) { index in
                if await !verifier.verify(ld[index % total], now: now).verified { failures.increment() }
            }
            ldRates.append(Double(count) / ldSeconds)
            let jwtSeconds = await CredentialBenchmark.parallel(count) { index in
                if await !verifier.verify(jwts[index % total], now: now).verified { failures.increment() }
            }
            jwtRates.append(Double(count) / jwtSeconds)
            let boundSeconds = await CredentialBenchmark.parallel(count) { index in
                if !publicKey.isValidSignature(signatures[index % total], for: messages[index % total]) { failures.increment() }
            }
            bounds.append(Double(count) / boundSeconds)
            progress(String(format: "round %d: %.0f eddsa-rdfc-2022/s, %.0f vc+jwt/s, bound %.0f/s", round, ldRates.last!, jwtRates.last!, bounds.last!))
        }
        let rate = BenchmarkStatistics.median(ldRates)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return Result(credentials: total, linkedDataPerSecond: rate, jwtPerSecond: BenchmarkStatistics.median(jwtRates),
                      signatureBoundPerSecond: BenchmarkStatistics.median(bounds),
                      microsecondsPerLinkedDataVerification: 1e6 / rate * Double(cores), allVerified: failures.value == 0, cores: cores)
    }

    /// A VC 2.0 credential with the examples context, as the W3C test vectors are.
    static func credential(_ index: Int, issuer: String) -> JSONObject {
        ["@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
         "id": .string("urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", index))"),
         "type": ["VerifiableCredential", "AlumniCredential"], "issuer": .string(issuer), "validFrom": "2023-01-01T00:00:00Z",
         "credentialSubject": ["id": .string("did:example:student-\(index)"), "alumniOf": .string("The School of Examples \(index % 7)")]]
    }
}
