import Credentials
import DID
import Primitives
import Testing

@Suite("The engine on JOSE and SD-JWT credentials")
struct JOSECredentialVerificationTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    private var issuer: CredentialIssuer {
        get throws {
            try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                 format: .jwt)
        }
    }

    @Test("an anchored vc+jwt passes every check, and a flipped signature byte fails the proof check")
    func jwtRoundTrip() async throws {
        let batch = IssuanceBatch(drafts: [CredentialDraft(json: try fixture.draft())])
        fixture.registry.record(anchor: RegisteredAnchor(issuer: fixture.issuer, height: 2, time: VerifierFixture.now - 100), root: batch.root)
        var prepared = try issuer.prepare(try fixture.draft())
        prepared.evidence = try batch.evidence(at: 0)
        let jwt = try await issuer.secure(prepared)
        let result = await fixture.verifier(.accredited).verify(jwt, now: VerifierFixture.now)
        #expect(result.verified, "\(result.failures)")
        #expect(result.format == "vc+jwt")
        // The same credential with its evidence not written last is refused, not re-canonicalised.
        let reordered = try await JWTCredential.issue(try batch.anchoredCredential(at: 0).reversedMembers(), signer: issuer.signer)
        let misplaced = await fixture.verifier(.accredited).verify(.string(reordered), now: VerifierFixture.now)
        #expect(misplaced.checks.first { $0.name == .evidence }?.code == "invalidEvidence")
        var characters = Array(try #require(jwt.stringValue))
        let inSignature = try #require(characters.lastIndex(of: ".")) + 5
        characters[inSignature] = characters[inSignature] == "A" ? "B" : "A"
        let text = String(characters)
        let tampered = await fixture.verifier().verify(.string(text), now: VerifierFixture.now)
        #expect(tampered.checks.first { $0.name == .proof }?.outcome == .failed)
    }

    @Test("an SD-JWT discloses only the chosen claims, verifies with key binding, and refuses a wrong nonce")
    func sdJWT() async throws {
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let sdIssuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                            format: .sdJWT)
        let subject: JSONObject = ["id": .string(holder), "name": "Ada", "year": 2024]
        let prepared = try sdIssuer.prepare(try fixture.draft(subject: subject), holderKey: .ed25519(holderKey.publicKey))
        let issued = try #require(try await sdIssuer.secure(prepared).stringValue)
        let holderSigner = PrivateKeySigner(key: .ed25519(holderKey), verificationMethod: holder + "#" + String(holder.dropFirst(8)))
        let presented = try await SDJWT.present(issued, disclose: ["year"], keyBinding: (audience: "https://verifier.example", nonce: "n-1",
                                                issuedAt: UInt64(VerifierFixture.now / 1000), signer: holderSigner))
        let expectation = CredentialVerifier.KeyBindingExpectation(audience: "https://verifier.example", nonce: "n-1")
        let result = await fixture.verifier().verify(.string(presented), now: VerifierFixture.now, keyBinding: expectation)
        #expect(result.verified, "\(result.failures)")
        #expect(result.claims.first?["name"] == nil)
        #expect(result.claims.first?["year"] == 2024)
        #expect(result.checks.first { $0.name == .schema }?.outcome == .passed, "an undisclosed required claim is not a violation")
        let wrongNonce = await fixture.verifier().verify(.string(presented), now: VerifierFixture.now,
                                                         keyBinding: .init(audience: "https://verifier.example", nonce: "other"))
        #expect(wrongNonce.checks.first { $0.name == .holderBinding }?.code == "nonceMismatch")
    }

    @Test("a JWT signed by a key of another DID fails the issuer check")
    func jwtWrongIssuerKey() async throws {
        let stranger = try VerifierFixture()
        let forger = PrivateKeySigner(key: .ed25519(stranger.key), verificationMethod: stranger.verificationMethod)
        let jwt = try await JWTCredential.issue(try fixture.draft(), signer: forger)
        let result = await fixture.verifier().verify(.string(jwt), now: VerifierFixture.now)
        #expect(result.checks.first { $0.name == .issuer }?.code == "keyNotIssuers")
    }
}

extension JSONObject {
    /// The same members in reverse order.
    func reversedMembers() -> JSONObject { JSONObject(Array(self).reversed().map { ($0.key, $0.value) }) }
}
