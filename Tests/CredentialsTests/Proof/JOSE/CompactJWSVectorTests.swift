import Credentials
import DID
import Foundation
import Primitives
import TestVectors
import Testing

/// RFC 7515 A.3, RFC 8037 A.4 and the web5 ES256K tokens, through `CompactJWS`.
@Suite("compact JWS against published vectors")
struct CompactJWSVectorTests {
    typealias F = JOSEFixtures

    @Test("RFC 7515 A.3 ES256 verifies under its key, keeps the CR LF payload, and fails with a flipped byte")
    func rfc7515() throws {
        let vector = try F.json("jose/rfc7515-a3-es256.json")
        let compact = try #require(vector["compact"]?.stringValue)
        let key = try F.publicKey(jwk: vector["jwk"])
        let jws = try CompactJWS(parsing: compact)
        #expect(jws.algorithm == .es256)
        #expect(jws.payload == Array((vector["payload"]?.stringValue ?? "").utf8))
        #expect(jws.isValidSignature(by: key))
        #expect(!(try CompactJWS(parsing: F.flip(compact, fromEnd: 10))).isValidSignature(by: key))
        let payloadTampered = compact.replacingOccurrences(of: ".eyJpc3MiOiJqb2", with: ".eyJpc3MiOiJqb3")
        #expect(!(try CompactJWS(parsing: payloadTampered)).isValidSignature(by: key))
    }

    @Test("RFC 8037 A.4 Ed25519 is re-signed byte for byte and verifies")
    func rfc8037() async throws {
        let vector = try F.json("jose/rfc8037-a4-ed25519.json")
        let compact = try #require(vector["compact"]?.stringValue)
        let signer = PrivateKeySigner(key: try F.rfc8037Signer().key, verificationMethod: "")
        let signed = try await CompactJWS.sign(header: JSONObject(), payload: Array((vector["payload"]?.stringValue ?? "").utf8),
                                               signer: signer)
        #expect(signed == compact)
        #expect(try CompactJWS(parsing: compact).isValidSignature(by: try F.publicKey(jwk: vector["jwk"])))
        #expect(!(try CompactJWS(parsing: F.flip(compact, fromEnd: 5))).isValidSignature(by: signer.publicKey))
    }

    @Test("the published ES256K tokens verify under their did:jwk keys; their high-S twins are refused")
    func es256kVectors() throws {
        let vectors = try #require(try F.json("jose/web5-credentials-verify-excerpt.json")["vectors"]?.arrayValue)
        var checked = 0
        for vector in vectors {
            let jws = try CompactJWS(parsing: try #require(vector["input"]?["vcJwt"]?.stringValue))
            guard jws.algorithm == .es256k else { continue }
            let key = try F.didJWKKey(jws.kid)
            #expect(jws.isValidSignature(by: key))
            let highS = Array(jws.signature[0..<32]) + Self.negate(Array(jws.signature[32...]))
            let twin = jws.compact.split(separator: ".").prefix(2).joined(separator: ".") + "." + Base64URL.encode(highS)
            #expect(!(try CompactJWS(parsing: twin)).isValidSignature(by: key))
            checked += 1
        }
        #expect(checked == 2)
    }

    @Test("ES256K signatures made here are low-S and verify")
    func es256kSigning() async throws {
        let signer = try F.secp256k1Signer()
        for index in 0..<8 {
            let jws = try CompactJWS(parsing: try await CompactJWS.sign(header: [:], payload: [UInt8(index)], signer: signer))
            #expect(jws.algorithm == .es256k)
            #expect(jws.isValidSignature(by: signer.publicKey))
            #expect(jws.signature[32...].lexicographicallyPrecedes(Self.halfOrder + [0]))
        }
    }

    @Test("a token is only valid under a key of the algorithm its header names")
    func algorithmConfusion() throws {
        let jws = try CompactJWS(parsing: try #require(try F.json("jose/rfc7515-a3-es256.json")["compact"]?.stringValue))
        #expect(!jws.isValidSignature(by: try F.rfc8037Signer().publicKey))
        #expect(!jws.isValidSignature(by: try F.secp256k1Signer().publicKey))
        #expect(jws.isValidSignature(by: try F.rfc7515Signer().publicKey))
    }

    /// secp256k1 n / 2, big-endian.
    static let halfOrder = hex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0")
    static let order = hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")

    /// n − s, big-endian 32 bytes.
    static func negate(_ s: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32), borrow = 0
        for index in (0..<32).reversed() {
            let difference = Int(order[index]) - Int(s[index]) - borrow
            out[index] = UInt8((difference + 256) % 256)
            borrow = difference < 0 ? 1 : 0
        }
        return out
    }
}
