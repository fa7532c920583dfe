import Credentials
import DID
import Primitives
import Testing

/// SD-JWT Disclosures that reference each other: the review's body of 1,123 Disclosures, each
/// 100 levels deep and holding the digest of the next, overflowed the verifier's stack (the
/// depth limit applied per Disclosure, and the chain was processed before the signature).
struct SDJWTLimitsTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    /// `count` Disclosures, each a 100-deep object whose innermost member holds the next one's
    /// digest; the first is referenced from `credentialSubject`.
    static func chain(_ count: Int) -> (subjectDigest: String, disclosures: [Disclosure]) {
        var disclosures: [Disclosure] = []
        var next: String?
        for index in (0..<count).reversed() {
            var value: JSONValue = next.map { ["_sd": [.string($0)]] } ?? [:]
            for _ in 0..<99 { value = ["a": value] }
            let disclosure = Disclosure(salt: "salt-\(index)", claimName: "c", value: value)
            disclosures.insert(disclosure, at: 0)
            next = disclosure.digest
        }
        return (next ?? "", disclosures)
    }

    /// The chained SD-JWT, signed by the fixture's issuer or under a signature that does not hold.
    func attack(_ count: Int, signed: Bool) async throws -> String {
        let (digest, disclosures) = Self.chain(count)
        var payload = try fixture.draft()
        payload["credentialSubject"] = ["id": "did:example:holder", "_sd": [.string(digest)]]
        payload["_sd_alg"] = "sha-256"
        let signer = PrivateKeySigner(key: .ed25519(signed ? fixture.key : Ed25519PrivateKey()), verificationMethod: fixture.verificationMethod)
        return try await SDJWTDraft(payload: payload, disclosures: disclosures).sign(signer: signer)
    }

    @Test("1,123 chained Disclosures in about 1 MB are refused as malformed before any is decoded")
    func tooManyDisclosures() async throws {
        let text = try await attack(1_123, signed: true)
        #expect(text.utf8.count > 900_000)
        let result = await fixture.verifier().verify(.string(text), now: VerifierFixture.now)
        #expect(result.isMalformed && result.checks.count == 1)
        #expect(result.checks[0].code == "invalidSDJWT" && result.checks[0].reason.contains("more than the limit of 1024"), "\(result.checks)")
        #expect(throws: CredentialsError(.invalidSDJWT, "")) { try SDJWT(parsing: text) }
    }

    @Test("1,000 chained Disclosures under the issuer's signature fail the format check on their total depth, without a crash")
    func chainedDepth() async throws {
        let result = await fixture.verifier().verify(.string(try await attack(1_000, signed: true)), now: VerifierFixture.now)
        #expect(result.isMalformed && !result.verified)
        #expect(result.checks.first?.code == "invalidSDJWT")
        #expect(result.checks.first?.reason.contains("deeper than the limit of \(SDJWT.maxDepth)") == true, "\(result.checks)")
        #expect(result.checks.first { $0.name == .proof }?.outcome == .passed, "the signature was checked first")
        // Two links (about 200 levels) already exceed the limit; one link (100) does not.
        let one = await fixture.verifier().verify(.string(try await attack(1, signed: true)), now: VerifierFixture.now)
        #expect(!one.isMalformed, "\(one.checks)")
        let two = await fixture.verifier().verify(.string(try await attack(2, signed: true)), now: VerifierFixture.now)
        #expect(two.isMalformed)
    }

    @Test("a forged chained SD-JWT fails the proof check and its Disclosures are never processed")
    func forgedChain() async throws {
        let result = await fixture.verifier().verify(.string(try await attack(1_000, signed: false)), now: VerifierFixture.now)
        #expect(!result.isMalformed, "the too-deep chain was not processed: \(result.checks.first!)")
        #expect(result.checks.first { $0.name == .proof }?.code == "signatureMismatch")
        for name in [VerificationCheck.Name.schema, .status, .evidence, .holderBinding] {
            #expect(result.checks.first { $0.name == name }?.code == "notChecked", "\(name)")
        }
    }
}
