import Credentials
import DID
import Primitives
import Testing

/// Issuance, holder presentation and verifier processing made here, and the refusals of
/// RFC 9901 §7.1 on crafted SD-JWTs.
@Suite("SD-JWT issue, present, verify")
struct SDJWTRoundTripTests {
    typealias F = JOSEFixtures
    static let now: UInt64 = 1_760_000_000
    static let credential: JSONObject = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "IdentityCredential"],
        "issuer": "did:example:bureau", "validFrom": "2025-01-01T00:00:00Z", "validUntil": "2030-01-01T00:00:00Z",
        "credentialSubject": ["id": "did:example:alice", "givenName": "Alice", "familyName": "Doe", "birthDate": "1990-02-03"],
    ]

    /// Deterministic salts: 16 bytes counting up.
    static func salts() -> () -> [UInt8] {
        var counter: UInt8 = 0
        return { counter &+= 1; return [UInt8](repeating: counter, count: 16) }
    }

    static func issue(holder: PublicKeyMaterial?, decoys: Int = 0) async throws -> String {
        try await SDJWT.issue(credential, disclosable: ["givenName", "familyName", "birthDate", "/validUntil"], holderKey: holder,
                              signer: try F.rfc7515Signer("did:example:bureau#key-1"), salt: salts(), decoys: decoys)
    }

    @Test("issuance writes sorted _sd arrays, _sd_alg, cnf and typ vc+sd-jwt; fixed salts fix all but the signature")
    func issuance() async throws {
        let holder = try F.rfc8037Signer()
        let text = try await Self.issue(holder: holder.publicKey)
        // ES256 signatures are randomized; everything else is fixed by the salts.
        func unsigned(_ text: String) -> String { text.replacing(/\.[A-Za-z0-9_-]+~/, with: ".~", maxReplacements: 1) }
        #expect(unsigned(text) == unsigned(try await Self.issue(holder: holder.publicKey)))
        #expect(unsigned(text) != text)
        let sdJWT = try SDJWT(parsing: text)
        #expect(sdJWT.issuerJWS.typ == "vc+sd-jwt" && sdJWT.issuerJWS.kid == "did:example:bureau#key-1")
        #expect(sdJWT.payload["_sd_alg"] == "sha-256")
        #expect(sdJWT.payload["cnf"] == ["jwk": holder.publicKey.jwk.jsonValue])
        #expect(sdJWT.holderKey == holder.publicKey)
        let sdArray = try #require(sdJWT.payload["credentialSubject"]?["_sd"]?.arrayValue)
        let subjectSD = sdArray.compactMap(\.stringValue)
        #expect(subjectSD.count == 3 && subjectSD == subjectSD.sorted())
        #expect(sdJWT.payload["credentialSubject"]?["givenName"] == nil && sdJWT.payload["validUntil"] == nil)
        #expect(sdJWT.disclosures.first?.salt == Base64URL.encode([UInt8](repeating: 1, count: 16)))
        #expect(try sdJWT.disclosedCredential() == Self.credential.adding("cnf", ["jwk": holder.publicKey.jwk.jsonValue]))
    }

    @Test("a holder presents a subset with key binding and the verifier gets exactly that subset")
    func presentSubset() async throws {
        let holder = try F.rfc8037Signer("did:example:alice#key-1")
        let issued = try await Self.issue(holder: holder.publicKey, decoys: 2)
        #expect(try SDJWT(parsing: issued).payload["credentialSubject"]?["_sd"]?.arrayValue?.count == 5)
        let shown = try await SDJWT.present(issued, disclose: ["birthDate"],
                                            keyBinding: (audience: "https://verifier.example", nonce: "n-1", issuedAt: Self.now, signer: holder))
        let received = try SDJWT(parsing: shown)
        #expect(received.issuerJWS.isValidSignature(by: try F.rfc7515Signer().publicKey))
        #expect(received.keyBinding?.typ == "kb+jwt")
        #expect(received.verifyKeyBinding(audience: "https://verifier.example", nonce: "n-1", now: Self.now + 5, maxAge: 60) == .verified)
        let credential = try received.disclosedCredential()
        #expect(credential["credentialSubject"] == ["id": "did:example:alice", "birthDate": "1990-02-03"])
        #expect(credential["validUntil"] == nil && credential["issuer"] == "did:example:bureau")
        await #expect(throws: CredentialsError.invalidSDJWT("")) {
            try await SDJWT.present(shown, disclose: [], keyBinding: nil)
        }
    }

    @Test("a KB-JWT typed other than kb+jwt, or an SD-JWT without cnf, gets its own verdict")
    func wrongTypeAndNoHolderKey() async throws {
        let holder = try F.secp256k1Signer()
        let issued = try await Self.issue(holder: holder.publicKey)
        let shown = try await SDJWT.present(issued, disclose: ["givenName"], keyBinding: nil)
        let claims: JSONObject = ["nonce": "n", "aud": "a", "iat": .number(Double(Self.now)),
                                  "sd_hash": .string(Base64URL.encode(Hash.sha256(Array(shown.utf8))))]
        let jwtTyped = try await F.signed(claims, header: ["typ": "JWT"], signer: holder)
        #expect(try SDJWT(parsing: shown + jwtTyped).verifyKeyBinding(audience: "a", nonce: "n", now: Self.now, maxAge: 9) == .wrongType)
        let kbTyped = try await F.signed(claims, header: ["typ": "kb+jwt"], signer: holder)
        #expect(try SDJWT(parsing: shown + kbTyped).verifyKeyBinding(audience: "a", nonce: "n", now: Self.now, maxAge: 9) == .verified)
        let unbound = try await SDJWT.present(try await Self.issue(holder: nil), disclose: [],
                                              keyBinding: (audience: "a", nonce: "n", issuedAt: Self.now, signer: holder))
        #expect(try SDJWT(parsing: unbound).verifyKeyBinding(audience: "a", nonce: "n", now: Self.now, maxAge: 9) == .noHolderKey)
    }

    @Test("issuance refuses absent, structural and reserved names")
    func issuanceRefusals() async throws {
        for name in ["nickname", "/issuer", "/@context", "_sd", "/cnf"] {
            await #expect(throws: CredentialsError.invalidSDJWT(""), "\(name)") {
                try await SDJWT.issue(Self.credential, disclosable: [name], holderKey: nil, signer: try F.rfc7515Signer(), salt: Self.salts())
            }
        }
    }
}

extension JSONObject {
    func adding(_ key: String, _ value: JSONValue) -> JSONObject {
        var copy = self
        copy[key] = value
        return copy
    }
}
