import Primitives
import Testing
import TestVectors

struct XChaCha20Poly1305Tests {
    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XCHACHA20_POLY1305).
    enum Draft {
        static let plaintext = hex(
            "4c616469657320616e642047656e746c656d656e206f662074686520636c6173"
            + "73206f66202739393a204966204920636f756c64206f6666657220796f75206f"
            + "6e6c79206f6e652074697020666f7220746865206675747572652c2073756e73"
            + "637265656e20776f756c642062652069742e")
        static let associatedData = hex("50515253c0c1c2c3c4c5c6c7")
        static let key = SecureBytes(hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"))
        static let nonce = hex("404142434445464748494a4b4c4d4e4f5051525354555657")
        static let ciphertext = hex(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
            + "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
            + "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
            + "21f9664c97637da9768812f615c68b13b52e")
        static let tag = hex("c0875924c1c7987947deafd8780acf49")
    }

    @Test("sealing the draft's A.3.1 example gives nonce ‖ published ciphertext ‖ published tag")
    func draftVector() throws {
        let sealed = try XChaCha20Poly1305.seal(
            Draft.plaintext, key: Draft.key, nonce: Draft.nonce, associatedData: Draft.associatedData)
        #expect(sealed == Draft.nonce + Draft.ciphertext + Draft.tag)
        #expect(try XChaCha20Poly1305.open(sealed, key: Draft.key, associatedData: Draft.associatedData) == Draft.plaintext)
    }

    @Test("a random-nonce round trip works and two seals of one message differ")
    func roundTrip() throws {
        let key = SecureRandom.secret(count: XChaCha20Poly1305.keyLength)
        let message: [UInt8] = Array("wallet backup".utf8)
        let first = try XChaCha20Poly1305.seal(message, key: key)
        let second = try XChaCha20Poly1305.seal(message, key: key)
        #expect(first.count == message.count + XChaCha20Poly1305.overhead)
        #expect(XChaCha20Poly1305.overhead == 40)
        #expect(first != second)
        #expect(try XChaCha20Poly1305.open(first, key: key) == message)
        #expect(try XChaCha20Poly1305.open(second, key: key) == message)
    }

    @Test("flipping a nonce, ciphertext or tag byte, or truncating, fails with decryptionFailed")
    func tamper() throws {
        let sealed = try XChaCha20Poly1305.seal(Draft.plaintext, key: Draft.key, associatedData: Draft.associatedData)
        for index in [0, 23, 24, sealed.count - 17, sealed.count - 1] {
            var altered = sealed
            altered[index] ^= 0x01
            #expect(throws: PrimitivesError.decryptionFailed("")) {
                try XChaCha20Poly1305.open(altered, key: Draft.key, associatedData: Draft.associatedData)
            }
        }
        #expect(throws: PrimitivesError.decryptionFailed("")) {
            try XChaCha20Poly1305.open(sealed.prefix(39), key: Draft.key, associatedData: Draft.associatedData)
        }
    }

    @Test("opening with another key or other associated data fails with decryptionFailed")
    func wrongKeyOrAssociatedData() throws {
        let sealed = try XChaCha20Poly1305.seal(Draft.plaintext, key: Draft.key, associatedData: Draft.associatedData)
        #expect(throws: PrimitivesError.decryptionFailed("")) {
            try XChaCha20Poly1305.open(sealed, key: SecureRandom.secret(count: 32), associatedData: Draft.associatedData)
        }
        #expect(throws: PrimitivesError.decryptionFailed("")) { try XChaCha20Poly1305.open(sealed, key: Draft.key) }
    }

    @Test("keys that are not 32 bytes and nonces that are not 24 bytes are refused")
    func wrongLengths() {
        #expect(throws: PrimitivesError.invalidKey("")) { try XChaCha20Poly1305.seal([1], key: SecureRandom.secret(count: 16)) }
        #expect(throws: PrimitivesError.invalidKey("")) { try XChaCha20Poly1305.open([UInt8](repeating: 0, count: 64), key: SecureRandom.secret(count: 31)) }
        #expect(throws: PrimitivesError.invalidInput("")) { try XChaCha20Poly1305.seal([1], key: Draft.key, nonce: [UInt8](repeating: 0, count: 12)) }
    }
}
