import Credentials
import DID
import Primitives
import Testing
import TestVectors

/// The `SM2SM3` JWS algorithm against the only published tokens that name it (fib-jws), which
/// sign under an empty distinguishing identifier where Chancery uses `1234567812345678`.
struct SM2SM3JOSETests {
    struct FibJWS: Decodable {
        let jwk: [String: String]
        let tokens: [String]
    }

    private func vectors() throws -> (key: SM2PublicKey, tokens: [String]) {
        let vectors: FibJWS = try Vectors.json("sm/jws-sm2sm3-fib-jws.json")
        let jwk = try JWK(json: .object(JSONObject(vectors.jwk.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        guard case .sm2(let key) = try PublicKeyMaterial(jwk: jwk) else { throw CredentialsError.invalidJWS("not an SM2 JWK") }
        return (key, vectors.tokens)
    }

    @Test("fib-jws's SM2SM3 tokens parse, and their signatures hold under the empty identifier fib-jws uses")
    func fibJWSUnderEmptyIdentifier() throws {
        let (key, tokens) = try vectors()
        for token in tokens {
            let jws = try CompactJWS(parsing: token)
            #expect(jws.algorithm == .sm2sm3)
            let signature = try SM2Signature(rawRepresentation: jws.signature)
            #expect(key.isValidSignature(signature, for: jws.signingInput, distinguishingIdentifier: []))
            #expect(!key.isValidSignature(signature, for: jws.signingInput + [0], distinguishingIdentifier: []))
        }
    }

    @Test("Chancery's SM2SM3 check (identifier 1234567812345678) refuses fib-jws's tokens: the documented incompatibility")
    func fibJWSRefused() throws {
        let (key, tokens) = try vectors()
        for token in tokens {
            #expect(!(try CompactJWS(parsing: token)).isValidSignature(by: .sm2(key)))
        }
    }

    @Test("SM2SM3 is parsed case-sensitively and is never accepted for a key of another curve")
    func algorithmBinding() async throws {
        #expect(try JWSAlgorithm(parsing: "SM2SM3") == .sm2sm3)
        #expect(throws: CredentialsError.self) { try JWSAlgorithm(parsing: "sm2sm3") }
        #expect(throws: CredentialsError.self) { try JWSAlgorithm(parsing: "SM2") }
        let key = SM2PrivateKey()
        let signer = PrivateKeySigner(key: .sm2(key), verificationMethod: "")
        let token = try await CompactJWS.sign(header: ["typ": "JWT"], payload: Array("{}".utf8), signer: signer)
        let jws = try CompactJWS(parsing: token)
        #expect(jws.isValidSignature(by: .sm2(key.publicKey)))
        #expect(!jws.isValidSignature(by: .sm2(SM2PrivateKey().publicKey)))
        #expect(!jws.isValidSignature(by: .p256(P256PrivateKey().publicKey)))
    }
}
