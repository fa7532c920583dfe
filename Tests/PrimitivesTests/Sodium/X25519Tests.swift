import Primitives
import Testing
import TestVectors

struct X25519Tests {
    @Test("the RFC 7748 section 6.1 private keys give the published public keys")
    func rfc7748PublicKeys() throws {
        let pairs = [
            ("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
             "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"),
            ("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
             "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"),
        ]
        for (secret, expected) in pairs {
            let key = try X25519PrivateKey(rawRepresentation: SecureBytes(hex(secret)))
            #expect(Hex.encode(key.publicKey.rawRepresentation) == expected)
        }
    }

    @Test("wrong-length X25519 keys are rejected with invalidKey")
    func wrongLengthKeys() {
        #expect(throws: PrimitivesError.invalidKey("")) { try X25519PublicKey(rawRepresentation: [UInt8](repeating: 9, count: 31)) }
        #expect(throws: PrimitivesError.invalidKey("")) { try X25519PrivateKey(rawRepresentation: SecureBytes([UInt8](repeating: 9, count: 33))) }
    }
}
