import Credentials
import DID
import Primitives
import Testing

/// Presentations signed `SM2SM3` by an SM2 holder key go through the same verifier and named
/// checks as the other algorithms.
struct SM2PresentationTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    @Test("a vp+jwt signed SM2SM3 by an SM2 did:chancery holder verifies for its challenge; the signature over another payload fails the proof check")
    func sm2HolderPresentation() async throws {
        let holderKey = SM2PrivateKey()
        // did:key defines no SM2 key: the holder's did:chancery document is served as SM2CredentialTests serves its issuer's.
        let holder = try DIDChancery(chainId: "test-chain", publicKey: holderKey.publicKey)
        let holderDocument = try DIDChancery.defaultDocument(for: holder.did, publicKey: holderKey.publicKey)
        let signer = PrivateKeySigner(key: .sm2(holderKey), verificationMethod: holder.did.description + "#key-1")
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: .jwt)
        let credential = try await issuer.secure(try fixture.draft(subject: ["id": .string(holder.did.description), "name": "Ada", "year": 2024]))
        let envelope: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": "EnvelopedVerifiableCredential",
                                   "id": .string("data:application/vc+jwt,\(credential.stringValue ?? "")")]
        let vp: JSONObject = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"],
                              "holder": .string(holder.did.description), "verifiableCredential": [envelope]]
        let store = InMemoryChallengeStore()
        let resolver = CompositeResolver([DIDKey.methodName: DIDKey.Resolver(),
                                          DIDChancery.methodName: FixedDocumentResolver(documents: [holder.did: holderDocument])])
        let verifier = PresentationVerifier(credentials: CredentialVerifier(resolver: resolver, registry: fixture.registry), challenges: store)
        let challenge = try store.issue(now: VerifierFixture.now)
        let token = try await JWTPresentation.issue(vp, challenge: challenge, domain: "verifier.example", signer: signer)
        #expect(try CompactJWS(parsing: token).header["alg"]?.stringValue == "SM2SM3")

        let result = await verifier.verify(.string(token), challenge: challenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(result.verified, "\(result.json)")
        #expect(result.checks.first { $0.name == .proof }?.outcome == .passed)

        // The same signature over another payload (the middle part swapped) fails the proof check.
        let parts = token.split(separator: ".").map(String.init)
        let otherChallenge = try store.issue(now: VerifierFixture.now)
        let other = try await JWTPresentation.issue(vp, challenge: otherChallenge, domain: "verifier.example", signer: signer)
        let forged = [parts[0], other.split(separator: ".").map(String.init)[1], parts[2]].joined(separator: ".")
        let refused = await verifier.verify(.string(forged), challenge: otherChallenge, domain: "verifier.example", now: VerifierFixture.now)
        #expect(!refused.verified)
        #expect(refused.checks.first { $0.name == .proof }?.outcome == .failed)
    }
}
