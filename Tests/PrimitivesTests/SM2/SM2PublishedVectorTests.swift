import Primitives
import Testing
import TestVectors

/// SM2 on the recommended curve against the signature example of GM/T 0003.5-2012 Annex A
/// (specs/vectors/sm/sm2-sign-gmt0003.5-annex-a.json).
struct SM2PublishedVectorTests {
    struct Example: Decodable {
        let privateKey: String, publicKey: String, distinguishingIdentifier: String, message: String
        let z: String, e: String, r: String, s: String
    }

    private func example() throws -> Example { try Vectors.json("sm/sm2-sign-gmt0003.5-annex-a.json") }

    @Test("the Annex A private key gives the published public key, in both SEC1 forms")
    func publicKey() throws {
        let vector = try example()
        let key = try SM2PrivateKey(rawRepresentation: hex(vector.privateKey))
        #expect(key.publicKey.uncompressedRepresentation == hex(vector.publicKey))
        let published = try SM2PublicKey(hex(vector.publicKey))
        #expect(key.publicKey == published)
        #expect(published.compressedRepresentation == [0x03] + hex(vector.publicKey)[1...32])
        #expect(try SM2PublicKey(published.compressedRepresentation) == published)
    }

    @Test("the Z-value of GM/T 0003.2 and the digest e = SM3(Z ‖ M) are the published ones")
    func zValue() throws {
        let vector = try example()
        let key = try SM2PublicKey(hex(vector.publicKey))
        let identifier = Array(vector.distinguishingIdentifier.utf8)
        #expect(identifier == SM2Signature.defaultDistinguishingIdentifier)
        let z = try key.zValue()
        #expect(z == hex(vector.z))
        #expect(Hash.sm3(z + Array(vector.message.utf8)) == hex(vector.e))
        #expect(try key.zValue(distinguishingIdentifier: Array("ALICE123@YAHOO.COM".utf8)) != hex(vector.z))
    }

    @Test("the Annex A signature verifies, raw and DER, and fails when any one byte is flipped")
    func publishedSignature() throws {
        let vector = try example()
        let key = try SM2PublicKey(hex(vector.publicKey))
        let message = Array(vector.message.utf8)
        let raw = hex(vector.r) + hex(vector.s)
        let signature = try SM2Signature(rawRepresentation: raw)
        #expect(key.isValidSignature(signature, for: message))
        #expect(key.isValidSignature(try SM2Signature(derRepresentation: signature.derRepresentation), for: message))
        for index in raw.indices {
            var flipped = raw; flipped[index] ^= 0x01
            #expect(!key.isValidSignature(try SM2Signature(rawRepresentation: flipped), for: message), "byte \(index)")
        }
        var otherMessage = message; otherMessage[0] ^= 0x01
        #expect(!key.isValidSignature(signature, for: otherMessage))
        #expect(!key.isValidSignature(signature, for: message, distinguishingIdentifier: []))
        #expect(!key.isValidSignature(signature, for: message, distinguishingIdentifier: Array("1234567812345679".utf8)))
        #expect(!SM2PrivateKey().publicKey.isValidSignature(signature, for: message))
    }

    @Test("a signature by the Annex A key verifies under the published public key")
    func signWithPublishedKey() throws {
        let vector = try example()
        let key = try SM2PrivateKey(rawRepresentation: hex(vector.privateKey))
        let message = Array(vector.message.utf8)
        let signature = try key.signature(for: message)
        let published = try SM2Signature(rawRepresentation: hex(vector.r) + hex(vector.s))
        #expect(signature != published, "the nonce is fresh, not Annex A's fixed k")
        #expect(try SM2PublicKey(hex(vector.publicKey)).isValidSignature(signature, for: message))
    }
}
