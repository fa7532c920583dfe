import Credentials
import DID
import Primitives
import Testing

/// VC Data Model 2.0 §4.13: enveloped credentials and presentations verify as the token they
/// carry, and an envelope whose `id` is not a data URL of a known media type is malformed.
@Suite("Enveloped credentials and presentations")
struct EnvelopedDocumentTests {
    let fixture: VerifierFixture
    let holderKey = Ed25519PrivateKey()
    init() throws { fixture = try VerifierFixture() }

    private func jwt() async throws -> String {
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: .jwt)
        return try #require(try await issuer.secure(try fixture.draft()).stringValue)
    }

    private static func envelope(_ type: String, _ id: String) -> JSONValue {
        ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": .string(type), "id": .string(id)]
    }

    @Test("an EnvelopedVerifiableCredential verifies as its vc+jwt does; a wrong media type or an empty token is malformed")
    func envelopedCredential() async throws {
        let token = try await jwt()
        let verifier = fixture.verifier()
        let bare = await verifier.verify(.string(token), now: VerifierFixture.now)
        let enveloped = await verifier.verify(Self.envelope("EnvelopedVerifiableCredential", "data:application/vc+jwt,\(token)"), now: VerifierFixture.now)
        #expect(bare.verified && enveloped.verified, "\(enveloped.failures)")
        #expect(enveloped.format == "vc+jwt" && enveloped.checks.map(\.code) == bare.checks.map(\.code))
        for id in ["data:text/plain,\(token)", "data:application/vc+jwt,", "https://example.com/credential"] {
            let refused = await verifier.verify(Self.envelope("EnvelopedVerifiableCredential", id), now: VerifierFixture.now)
            #expect(refused.isMalformed && refused.checks.first?.code == "invalidCredential", "\(id)")
        }
    }

    @Test("an EnvelopedVerifiablePresentation verifies as its vp+jwt does")
    func envelopedPresentation() async throws {
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let signer = PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holder + "#" + String(holder.dropFirst(8)))
        let store = InMemoryChallengeStore()
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp: JSONObject = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], "holder": .string(holder),
                              "verifiableCredential": [Self.envelope("EnvelopedVerifiableCredential", "data:application/vc+jwt,\(try await jwt())")]]
        let token = try await JWTPresentation.issue(vp, challenge: challenge, domain: "verifier.example", signer: signer)
        let verifier = PresentationVerifier(credentials: fixture.verifier(), challenges: store)
        let result = await verifier.verify(Self.envelope("EnvelopedVerifiablePresentation", "data:application/vp+jwt,\(token)"),
                                           challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(result.verified, "\(result.json)")
        let wrong = await verifier.verify(Self.envelope("EnvelopedVerifiablePresentation", "data:application/vc+jwt,\(token)"),
                                          challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(!wrong.verified && wrong.checks.first?.name == .format)
    }
}
