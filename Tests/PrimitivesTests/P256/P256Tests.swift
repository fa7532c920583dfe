import Primitives
import Testing

/// P-256 through swift-crypto, checked against the did:key P-256 vector's published JWK
/// and by sign/verify behaviour.
struct P256Tests {
    @Test("a P-256 private key from the published did:key JWK yields the published public point")
    func publishedKey() throws {
        // nist-curves.json, did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv
        let d = base64url("gPh-VvVS8MbvKQ9LSVVmfnxnKjHn4Tqj0bmbpehRlpc")
        let key = try P256PrivateKey(rawRepresentation: d)
        let expected = try P256PublicKey(x: base64url("igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns"),
                                         y: base64url("efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM"))
        #expect(key.publicKey == expected)
        #expect(try P256PublicKey(expected.compressedRepresentation) == expected)
    }

    @Test("P-256 signatures verify for the signer and message only")
    func signVerify() throws {
        let key = P256PrivateKey(), other = P256PrivateKey()
        let message = Array("chancery".utf8)
        let signature = try key.signature(for: message)
        #expect(signature.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message + [1]))
        var flipped = signature; flipped[10] ^= 1
        #expect(!key.publicKey.isValidSignature(flipped, for: message))
        #expect(throws: PrimitivesError(.invalidKey, "")) { try P256PublicKey([0x02] + [UInt8](repeating: 0xff, count: 32)) }
    }

    private func base64url(_ text: String) -> [UInt8] {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Array(Data(base64Encoded: s)!)
    }
}

import Foundation
