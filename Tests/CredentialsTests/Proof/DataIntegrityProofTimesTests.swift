import Credentials
import DID
import Primitives
import Testing

/// A Data Integrity proof's `created` and `expires` (W3C VC Data Integrity §2.1) are checked
/// against the verification time passed in; both were ignored before.
struct DataIntegrityProofTimesTests {
    let fixture: VerifierFixture
    init() throws { fixture = try VerifierFixture() }

    /// The fixture's credential under a proof with these times.
    func credential(created: String?, expires: String?) throws -> JSONValue {
        try DataIntegrity.sign(document: .object(try fixture.draft()),
                               options: .init(cryptosuite: .eddsaJCS2022, created: created, verificationMethod: fixture.verificationMethod,
                                              expires: expires),
                               key: fixture.key)
    }

    /// `VerifierFixture.now` shifted by `seconds`, as a dateTimeStamp.
    static func time(_ seconds: Int64) -> String { DIDDateTime(secondsSince1970: VerifierFixture.now / 1000 + seconds).description }

    @Test("a proof past its expires, or created more than five minutes after now, fails the proof check by name")
    func proofTimes() async throws {
        let expired = await fixture.verifier().verify(try credential(created: Self.time(-3_600), expires: Self.time(-1)), now: VerifierFixture.now)
        #expect(expired.checks.first { $0.name == .proof }?.code == "proofExpired", "\(expired.checks)")
        #expect(!expired.verified)
        let future = await fixture.verifier().verify(try credential(created: Self.time(3_600), expires: nil), now: VerifierFixture.now)
        #expect(future.checks.first { $0.name == .proof }?.code == "proofCreatedInFuture", "\(future.checks)")
        #expect(!future.verified)
        // Within the documented skew for created, and before expires, the proof holds.
        let fine = await fixture.verifier().verify(try credential(created: Self.time(240), expires: Self.time(60)), now: VerifierFixture.now)
        #expect(fine.verified, "\(fine.failures)")
        #expect(DataIntegrityProof.createdClockSkew == 300_000)
    }

    @Test("a created or expires that is not a dateTimeStamp fails the format check")
    func malformedTimes() async throws {
        var object = try #require(try credential(created: Self.time(0), expires: nil).objectValue)
        var proof = try #require(object["proof"]?.objectValue)
        proof["expires"] = 1e19
        object["proof"] = .object(proof)
        let result = await fixture.verifier().verify(.object(object), now: VerifierFixture.now)
        #expect(result.isMalformed && result.checks.first?.code == "invalidProof")
        proof["expires"] = "tomorrow"
        object["proof"] = .object(proof)
        #expect(await fixture.verifier().verify(.object(object), now: VerifierFixture.now).isMalformed)
    }

    @Test("a Data Integrity presentation whose proof expired fails the holder's proof check")
    func presentationProof() async throws {
        let holderKey = Ed25519PrivateKey()
        let holder = try DIDKey(publicKey: .ed25519(holderKey.publicKey)).did.description
        let store = InMemoryChallengeStore()
        let challenge = try store.issue(now: VerifierFixture.now)
        let vp: JSONValue = ["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], "holder": .string(holder),
                             "verifiableCredential": [try credential(created: nil, expires: nil)]]
        let signed = try DataIntegrity.sign(document: vp, options: .init(cryptosuite: .eddsaJCS2022, verificationMethod: holder + "#" + String(holder.dropFirst(8)),
                                                                         proofPurpose: "authentication", challenge: challenge, expires: Self.time(-60)),
                                            key: holderKey)
        let result = await PresentationVerifier(credentials: fixture.verifier(), challenges: store)
            .verify(signed, challenge: challenge, domain: nil, now: VerifierFixture.now)
        #expect(result.checks.first { $0.name == .proof }?.code == "proofExpired", "\(result.checks)")
        #expect(!result.verified)
    }
}
