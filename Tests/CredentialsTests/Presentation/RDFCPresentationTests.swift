import Credentials
import DID
import Primitives
import Testing

/// Presentations secured with eddsa-rdfc-2022 (proofPurpose `authentication`): the challenge
/// and domain are in the signed proof, and the presentation verifier checks them.
@Suite("RDFC presentations")
struct RDFCPresentationTests {
    let fixture: VerifierFixture
    let holderKey = Ed25519PrivateKey()
    let holder: DIDKey
    init() throws {
        fixture = try VerifierFixture()
        holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey))
    }

    func presentation(challenge: String, domain: String) async throws -> JSONValue {
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: .diEdDSARDFC)
        let credential = try await issuer.secure(RDFCCredentialVerificationTests.credential(
            issuer: fixture.issuer, subject: ["id": .string(holder.did.description), "alumniOf": "The School of Examples"]))
        let vp: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                             "holder": .string(holder.did.description), "verifiableCredential": [credential]]
        let options = DataIntegrityProof.Options(cryptosuite: .eddsaRDFC2022, created: "2026-05-28T20:00:00Z",
                                                 verificationMethod: holder.verificationMethodID.description,
                                                 proofPurpose: "authentication", challenge: challenge, domain: domain)
        return try DataIntegrity.sign(document: vp, options: options, key: holderKey)
    }

    @Test("a presentation signed with eddsa-rdfc-2022 verifies once for its challenge and domain; the replay is refused")
    func verifiesOnce() async throws {
        let store = InMemoryChallengeStore()
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp = try await presentation(challenge: challenge, domain: "verifier.example")
        let first = await verifier.verify(vp, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(first.verified, "\(first.json)")
        let replay = await verifier.verify(vp, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(replay.checks.first { $0.name == .challenge }?.code == "challengeReused")
    }

    @Test("another domain, and a challenge rewritten after signing, are refused")
    func boundChallengeAndDomain() async throws {
        let store = InMemoryChallengeStore()
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp = try await presentation(challenge: challenge, domain: "evil.example")
        let wrongDomain = await verifier.verify(vp, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(wrongDomain.checks.first { $0.name == .challenge }?.code == "domainMismatch")
        let rewritten = DataIntegrityFixtures.modifiedProof(vp) { $0["domain"] = "verifier.example" }
        let forged = await verifier.verify(rewritten, challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(forged.checks.first { $0.name == .proof }?.code == "signatureMismatch")
        #expect(!forged.verified)
    }
}
