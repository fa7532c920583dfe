import Primitives
import Testing

struct SealedBoxTests {
    let message: [UInt8] = Array("a credential for the recipient only".utf8)

    @Test("a sealed box opens with the recipient's key and has 48 bytes of overhead")
    func roundTrip() throws {
        let recipient = X25519PrivateKey()
        let box = try SealedBox.seal(message, to: recipient.publicKey)
        #expect(SealedBox.overhead == 48)
        #expect(box.count == message.count + 48)
        #expect(try SealedBox.open(box, with: recipient) == message)
        #expect(try SealedBox.open(SealedBox.seal([], to: recipient.publicKey), with: recipient) == [])
    }

    @Test("flipping any byte of a sealed box makes opening fail with decryptionFailed")
    func tamper() throws {
        let recipient = X25519PrivateKey()
        let box = try SealedBox.seal(message, to: recipient.publicKey)
        for index in [0, 31, 32, 47, 48, box.count - 1] {
            var altered = box
            altered[index] ^= 0x80
            #expect(throws: PrimitivesError.decryptionFailed("")) { try SealedBox.open(altered, with: recipient) }
        }
        #expect(throws: PrimitivesError.decryptionFailed("")) { try SealedBox.open(box.prefix(47), with: recipient) }
    }

    @Test("a sealed box does not open with another key")
    func wrongKey() throws {
        let box = try SealedBox.seal(message, to: X25519PrivateKey().publicKey)
        #expect(throws: PrimitivesError.decryptionFailed("")) { try SealedBox.open(box, with: X25519PrivateKey()) }
    }

    @Test("sealing to a low-order public key is refused with invalidKey")
    func lowOrderRecipient() throws {
        let zero = try X25519PublicKey(rawRepresentation: [UInt8](repeating: 0, count: 32))
        #expect(throws: PrimitivesError.invalidKey("")) { try SealedBox.seal(message, to: zero) }
    }
}
