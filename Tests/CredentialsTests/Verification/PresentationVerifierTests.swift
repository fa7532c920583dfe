import Credentials
import DID
import Primitives
import Testing

@Suite("Presentations")
struct PresentationVerifierTests {
    let fixture: VerifierFixture
    let holderKey = Ed25519PrivateKey()
    var holder: String { (try? DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description) ?? "" }
    var holderSigner: PrivateKeySigner { PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holder + "#" + String(holder.dropFirst(8))) }
    init() throws { fixture = try VerifierFixture() }

    private func credential(subject: String) async throws -> JSONValue {
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: .jwt)
        return try await issuer.secure(try fixture.draft(subject: ["id": .string(subject), "name": "Ada", "year": 2024]))
    }

    private func presentation(_ credential: JSONValue, challenge: String, domain: String) async throws -> JSONValue {
        let envelope: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential",
                                   "id": .string("data:application/vc+jwt,\(credential.stringValue ?? "")")]
        let vp: JSONObject = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                              "holder": .string(holder), "verifiableCredential": [envelope]]
        return .string(try await JWTPresentation.issue(vp, challenge: challenge, domain: domain, signer: holderSigner))
    }

    @Test("a vp+jwt with a fresh challenge verifies once; the replay is refused")
    func singleUseChallenge() async throws {
        let store = InMemoryChallengeStore()
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp = try await presentation(try await credential(subject: holder), challenge: challenge, domain: "verifier.example")
        let first = await verifier.verify(vp, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(first.verified, "\(first.json)")
        let replay = await verifier.verify(vp, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(!replay.verified)
        #expect(replay.checks.first { $0.name == .challenge }?.code == "challengeReused")
    }

    @Test("wrong domain, unknown challenge and, under a policy that binds the holder, a credential about someone else are each named")
    func failures() async throws {
        let store = InMemoryChallengeStore()
        var binding = VerificationPolicy.standard
        binding.bindsHolder = true
        let verifier = PresentationVerifier(credentials: fixture.verifier(binding), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp = try await presentation(try await credential(subject: holder), challenge: challenge, domain: "evil.example")
        let wrongDomain = await verifier.verify(vp, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(wrongDomain.checks.first { $0.name == .challenge }?.code == "domainMismatch")
        let unknown = try await presentation(try await credential(subject: holder), challenge: "never-issued", domain: "verifier.example")
        #expect(await verifier.verify(unknown, challenge: "never-issued", domain: "verifier.example", now: VerifierFixture.now)
            .checks.first { $0.name == .challenge }?.code == "unknownChallenge")
        let other = try store.issue(now: VerifierFixture.now)
        let notMine = try await presentation(try await credential(subject: "did:example:someone-else"), challenge: other, domain: "verifier.example")
        let bound = await verifier.verify(notMine, challenge: other, domain: "verifier.example", now: VerifierFixture.now)
        #expect(bound.checks.first { $0.name == .holderBinding }?.code == "subjectNotHolder")
        #expect(!bound.verified)
    }

    @Test("under the standard policy a holder may present a credential about someone else (VCDM 2.0): holder binding is reported, not required")
    func holderBindingIsAPolicy() async throws {
        let store = InMemoryChallengeStore()
        let standard = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let notMine = try await presentation(try await credential(subject: "did:example:someone-else"), challenge: challenge, domain: "verifier.example")
        let result = await standard.verify(notMine, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        let check = try #require(result.checks.first { $0.name == .holderBinding })
        #expect(check.outcome == .notApplicable && check.code == "subjectNotHolder", "\(check)")
        #expect(result.verified, "\(result.json)")
        #expect(VerificationPolicy.accredited.bindsHolder && !VerificationPolicy.standard.bindsHolder)
    }

    @Test("a Data Integrity presentation signed for authentication verifies with its challenge and domain")
    func dataIntegrityPresentation() async throws {
        let store = InMemoryChallengeStore()
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let credential = try fixture.sign(try fixture.draft(subject: ["id": .string(holder), "name": "Ada", "year": 2024]))
        let vp: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                             "holder": .string(holder), "verifiableCredential": [credential]]
        let signed = try DataIntegrity.sign(document: vp, options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: holderSigner.verificationMethod,
                                                                         proofPurpose: "authentication", challenge: challenge, domain: "verifier.example"),
                                            key: holderKey)
        let result = await verifier.verify(signed, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(result.verified, "\(result.json)")
    }

    @Test("a Data Integrity presentation whose proof was made for assertionMethod is refused as malformed, and its challenge stays unused")
    func presentationProofPurpose() async throws {
        let store = InMemoryChallengeStore()
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let credential = try fixture.sign(try fixture.draft(subject: ["id": .string(holder), "name": "Ada", "year": 2024]))
        let vp: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                             "holder": .string(holder), "verifiableCredential": [credential]]
        let asserted = try DataIntegrity.sign(document: vp, options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: holderSigner.verificationMethod,
                                                                           proofPurpose: "assertionMethod", challenge: challenge, domain: "verifier.example"),
                                              key: holderKey)
        let refused = await verifier.verify(asserted, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(!refused.verified)
        let format = refused.checks.first { $0.name == .format }
        #expect(format?.outcome == .failed && format?.reason.contains("'authentication'") == true, "\(refused.json)")
        #expect(store.consume(challenge, now: VerifierFixture.now) == .fresh, "a refused presentation does not use up the challenge")
    }

    @Test("an SD-JWT presentation answers its challenge once; the replay is refused as challengeReused")
    func sdJWTChallengeReplay() async throws {
        let store = InMemoryChallengeStore()
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: .sdJWT)
        let prepared = try issuer.prepare(try fixture.draft(subject: ["id": .string(holder), "name": "Ada", "year": 2024]), holderKey: .ed25519(holderKey.publicKey))
        let issued = try #require(try await issuer.secure(prepared).stringValue)
        let presented = try await SDJWT.present(issued, disclose: ["year"], keyBinding: (audience: "verifier.example", nonce: challenge,
                                                issuedAt: UInt64(VerifierFixture.now / 1000), signer: holderSigner))
        let first = await verifier.verify(.string(presented), challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(first.verified, "\(first.json)")
        let replay = await verifier.verify(.string(presented), challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(!replay.verified)
        #expect(replay.checks.first { $0.name == .challenge }?.code == "challengeReused", "\(replay.json)")
    }

    @Test("an expired challenge is refused")
    func expiredChallenge() throws {
        let store = InMemoryChallengeStore(lifetime: 1_000)
        let challenge = try store.issue(now: 0)
        #expect(store.consume(challenge, now: 5_000) == .expired)
        #expect(store.consume("nope", now: 0) == .unknown)
    }
}
