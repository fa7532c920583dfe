import Credentials
import DID
import Primitives
import Testing

/// `vc+jwt` round trips and the legacy `vc` claim form, against tokens made by web5.
@Suite("JWT credentials")
struct JWTCredentialTests {
    typealias F = JOSEFixtures

    static let credential: JSONObject = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "DiplomaCredential"],
        "issuer": "did:example:university", "validFrom": "2025-06-01T00:00:00Z",
        "credentialSubject": ["id": "did:example:alice", "degree": "BSc", "gpa": 3.7],
    ]

    @Test("a vc+jwt round trips for ES256K, EdDSA and ES256, with alg, kid and typ set")
    func roundTrip() async throws {
        for signer in try F.allSigners() {
            let token = try await JWTCredential.issue(Self.credential, signer: signer)
            let parsed = try JWTCredential(parsing: token)
            #expect(parsed.form == .joseCOSE)
            #expect(parsed.credential == Self.credential)
            #expect(parsed.jws.kid == signer.verificationMethod)
            #expect(parsed.jws.typ == "vc+jwt")
            #expect(parsed.jws.algorithm == JWSAlgorithm(key: signer.publicKey))
            #expect(parsed.jws.isValidSignature(by: signer.publicKey))
            #expect(!(try CompactJWS(parsing: F.flip(token, fromEnd: 3))).isValidSignature(by: signer.publicKey))
        }
    }

    @Test("legacy VC-JWTs from web5-kt, web5-js and the web5 did:jwk vector verify and map iss, sub, jti, nbf into the credential")
    func web5Vectors() throws {
        let vectors = try #require(try F.json("jose/web5-credentials-verify-excerpt.json")["vectors"]?.arrayValue)
        #expect(vectors.count == 3)
        for vector in vectors {
            let token = try #require(vector["input"]?["vcJwt"]?.stringValue)
            let parsed = try JWTCredential(parsing: token)
            let claims = try #require(try JSONValue(parsing: parsed.jws.payload).objectValue)
            #expect(parsed.form == .legacyVCClaim)
            #expect(parsed.jws.isValidSignature(by: try F.didJWKKey(parsed.jws.kid)))
            #expect(!(try CompactJWS(parsing: F.flip(token, fromEnd: 4))).isValidSignature(by: try F.didJWKKey(parsed.jws.kid)))
            #expect(parsed.credential["issuer"] == claims["iss"])
            #expect(parsed.credential["credentialSubject"]?["id"] == claims["sub"])
            #expect(parsed.credential["id"] == (claims["jti"] ?? claims["vc"]?["id"]))
            #expect(parsed.credential["vc"] == nil && parsed.credential["iss"] == nil)
        }
        let didJWK = try JWTCredential(parsing: try #require(vectors[0]["input"]?["vcJwt"]?.stringValue))
        #expect(didJWK.jws.algorithm == .es256k)
        #expect(didJWK.credential["issuanceDate"] == "2024-09-09T20:55:56Z")
    }

    @Test("missing members are filled from the registered claims, nbf and exp as UTC dateTime")
    func legacyFill() async throws {
        let signer = try F.rfc8037Signer()
        let claims: JSONObject = ["iss": "did:example:issuer", "sub": "did:example:alice", "jti": "urn:uuid:1", "nbf": 1725915356,
                                  "exp": 2687920690, "vc": ["@context": ["https://www.w3.org/2018/credentials/v1"],
                                                            "issuer": ["name": "Example U"], "credentialSubject": ["degree": "BSc"]]]
        let parsed = try JWTCredential(parsing: try await F.signed(claims, signer: signer))
        #expect(parsed.form == .legacyVCClaim)
        #expect(parsed.credential["issuer"] == ["name": "Example U", "id": "did:example:issuer"])
        #expect(parsed.credential["credentialSubject"] == ["degree": "BSc", "id": "did:example:alice"])
        #expect(parsed.credential["id"] == "urn:uuid:1")
        #expect(parsed.credential["issuanceDate"] == "2024-09-09T20:55:56Z")
        #expect(parsed.credential["expirationDate"] == "2055-03-06T04:38:10Z")
    }

    @Test("a registered claim that disagrees with its vc member is refused as a conflict", arguments: [
        ("iss", JSONValue.string("did:example:other"), "issuer", JSONValue.string("did:example:issuer")),
        ("jti", "urn:uuid:2", "id", "urn:uuid:1"),
        ("nbf", 1725915357, "issuanceDate", "2024-09-09T20:55:56Z"),
        ("exp", 1725915356, "expirationDate", "2024-09-09T21:55:56+01:00X"),
    ])
    func conflict(_ claim: String, _ value: JSONValue, _ member: String, _ existing: JSONValue) async throws {
        let vc: JSONObject = ["@context": ["https://www.w3.org/2018/credentials/v1"], member: existing]
        let token = try await F.signed([claim: value, "vc": .object(vc)], signer: try F.rfc7515Signer())
        #expect(throws: CredentialsError.jwtClaimConflict("")) { try JWTCredential(parsing: token) }
    }

    @Test("nbf equal to issuanceDate in another offset is not a conflict; sub against a different subject id is")
    func sameInstant() async throws {
        let signer = try F.rfc7515Signer()
        let agree: JSONObject = ["nbf": 1725915356, "vc": ["@context": [], "issuanceDate": "2024-09-09T22:55:56.5+02:00"]]
        #expect(try JWTCredential(parsing: try await F.signed(agree, signer: signer)).credential["issuanceDate"]
                == "2024-09-09T22:55:56.5+02:00")
        let subject: JSONObject = ["sub": "did:example:bob", "vc": ["@context": [], "credentialSubject": ["id": "did:example:alice"]]]
        let token = try await F.signed(subject, signer: signer)
        #expect(throws: CredentialsError.jwtClaimConflict("")) { try JWTCredential(parsing: token) }
    }
}
