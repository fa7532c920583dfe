import DID
import Primitives
import Testing

struct JWKTests {
    @Test("RFC 7638 thumbprints match the published values", arguments: [
        // RFC 8037 Appendix A.3.
        (["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"], "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"),
        // DID Core 1.0 "Various public keys" example: its kid is the thumbprint; kid is not hashed.
        (["crv": "Ed25519", "x": "VCpo2LMLhn6iWku8MKvSLg2ZAoC-nlOyPVQaO3FxVeQ", "kty": "OKP", "kid": "_Qq0UL2Fq651Q0Fjd6TvnYE-faHiOpRlPVQcY_-tA4A"],
         "_Qq0UL2Fq651Q0Fjd6TvnYE-faHiOpRlPVQcY_-tA4A"),
        // RFC 7638 §3.1.
        (["kty": "RSA", "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
          "e": "AQAB", "alg": "RS256", "kid": "2011-04-29"], "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"),
    ] as [(JSONValue, String)])
    func thumbprints(json: JSONValue, expected: String) throws {
        let jwk = try JWK(json: json)
        #expect(Base64URL.encode(try jwk.thumbprint()) == expected)
        #expect(jwk.jsonValue == json)
    }

    @Test("a JWK lacking what its key type needs is refused as invalidPublicKey", arguments: [
        "[]", #"{"crv": "P-256"}"#, #"{"kty": 1}"#, #"{"kty": "EC", "crv": "P-256", "x": "AA"}"#,
        #"{"kty": "OKP", "x": "AA"}"#, #"{"kty": "OKP", "crv": "Ed25519", "x": "AA=="}"#, #"{"kty": "RSA", "n": "AA"}"#,
    ] as [String])
    func refusesIncomplete(text: String) throws {
        let json = try JSONValue(parsing: text)
        #expect(throws: DIDError(.invalidPublicKey)) { try JWK(json: json) }
    }

    @Test("private members and symmetric keys are recognised as private key material")
    func privateMaterial() throws {
        #expect(try JWK(json: ["kty": "OKP", "crv": "Ed25519", "x": "AA", "d": "AA"]).containsPrivateKey)
        #expect(try JWK(json: ["kty": "oct", "k": "AA"]).containsPrivateKey)
        #expect(try !JWK(json: ["kty": "OKP", "crv": "Ed25519", "x": "AA"]).containsPrivateKey)
        #expect(throws: DIDError(.unsupportedPublicKeyType)) { try JWK(json: ["kty": "XYZ"]).thumbprint() }
    }
}
