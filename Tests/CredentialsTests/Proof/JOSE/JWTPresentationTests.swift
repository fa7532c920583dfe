import Credentials
import DID
import Primitives
import Testing

/// `vp+jwt` with challenge and domain, and the legacy `vp` claim form.
@Suite("JWT presentations")
struct JWTPresentationTests {
    typealias F = JOSEFixtures

    static let presentation: JSONObject = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiablePresentation"], "holder": "did:example:alice",
        "verifiableCredential": [["@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["EnvelopedVerifiableCredential"],
                                  "id": "data:application/vc+jwt,eyJ..."]],
    ]

    @Test("a vp+jwt carries challenge as nonce and domain as aud, for every algorithm")
    func roundTrip() async throws {
        for signer in try F.allSigners() {
            let token = try await JWTPresentation.issue(Self.presentation, challenge: "n-0S6_WzA2Mj", domain: "https://verifier.example",
                                                        signer: signer)
            let parsed = try JWTPresentation(parsing: token)
            let claims = try #require(try JSONValue(parsing: parsed.jws.payload).objectValue)
            #expect(claims["nonce"] == "n-0S6_WzA2Mj" && claims["aud"] == "https://verifier.example")
            #expect(parsed.form == .joseCOSE && parsed.jws.typ == "vp+jwt")
            #expect(parsed.challenge == "n-0S6_WzA2Mj")
            #expect(parsed.domain == "https://verifier.example")
            #expect(parsed.presentation == Self.presentation)
            #expect(parsed.jws.isValidSignature(by: signer.publicKey))
        }
        let bare = try JWTPresentation(parsing: try await JWTPresentation.issue(Self.presentation, challenge: nil, domain: nil,
                                                                                signer: try F.rfc8037Signer()))
        #expect(bare.challenge == nil && bare.domain == nil)
    }

    @Test("a presentation that already holds nonce is refused at issuance")
    func nonceMember() async throws {
        var presentation = Self.presentation
        presentation["nonce"] = "x"
        await #expect(throws: CredentialsError.invalidJWT("")) {
            try await JWTPresentation.issue(presentation, challenge: "y", domain: nil, signer: try F.rfc8037Signer())
        }
    }

    @Test("a legacy vp claim maps iss to holder and jti to id, and reads nonce and a one-element aud")
    func legacy() async throws {
        let signer = try F.secp256k1Signer()
        let claims: JSONObject = ["iss": "did:example:alice", "jti": "urn:uuid:vp-1", "nonce": "abc", "aud": ["did:example:verifier"],
                                  "vp": ["@context": ["https://www.w3.org/2018/credentials/v1"], "type": ["VerifiablePresentation"],
                                         "verifiableCredential": ["eyJhbGciOi..."]]]
        let parsed = try JWTPresentation(parsing: try await F.signed(claims, signer: signer))
        #expect(parsed.form == .legacyVCClaim)
        #expect(parsed.presentation["holder"] == "did:example:alice")
        #expect(parsed.presentation["id"] == "urn:uuid:vp-1")
        #expect(parsed.challenge == "abc" && parsed.domain == "did:example:verifier")
        #expect(parsed.jws.isValidSignature(by: signer.publicKey))
        let conflicting: JSONObject = ["iss": "did:example:mallory", "vp": ["@context": [], "holder": "did:example:alice"]]
        let token = try await F.signed(conflicting, signer: signer)
        #expect(throws: CredentialsError.jwtClaimConflict("")) { try JWTPresentation(parsing: token) }
        let twoAudiences: JSONObject = ["aud": ["a", "b"], "vp": ["@context": []]]
        let second = try await F.signed(twoAudiences, signer: signer)
        #expect(throws: CredentialsError.invalidJWT("")) { try JWTPresentation(parsing: second) }
    }
}
