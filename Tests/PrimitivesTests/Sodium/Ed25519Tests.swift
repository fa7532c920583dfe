import Primitives
import Testing
import TestVectors

struct Ed25519Tests {
    /// RFC 8032 section 7.1, TEST 1 to TEST 3: (secret key, public key, message, signature).
    static let rfc8032: [(String, String, String, String)] = [
        ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
         "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
    ]

    @Test("signing RFC 8032 tests 1-3 gives the published public keys and signatures")
    func rfc8032Signing() throws {
        for (secret, publicKey, message, signature) in Self.rfc8032 {
            let key = try Ed25519PrivateKey(seed: SecureBytes(hex(secret)))
            #expect(Hex.encode(key.publicKey.rawRepresentation) == publicKey)
            let signed = key.signature(for: hex(message))
            #expect(Hex.encode(signed) == signature)
            #expect(key.publicKey.isValidSignature(signed, for: hex(message)))
        }
    }

    @Test("a signature does not verify for another message or with a flipped byte")
    func rejectsAlteredInputs() throws {
        let key = Ed25519PrivateKey()
        let message: [UInt8] = Array("did:example:123".utf8)
        var signature = key.signature(for: message)
        #expect(signature.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message + [0]))
        #expect(!Ed25519PrivateKey().publicKey.isValidSignature(signature, for: message))
        signature[10] ^= 0x01
        #expect(!key.publicKey.isValidSignature(signature, for: message))
    }

    @Test("wrong-length signatures are invalid, not errors")
    func wrongLengthSignature() throws {
        let key = Ed25519PrivateKey()
        let signature = key.signature(for: [1, 2, 3])
        #expect(!key.publicKey.isValidSignature(signature.dropLast(), for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature(signature + [0], for: [1, 2, 3]))
        #expect(!key.publicKey.isValidSignature([UInt8](), for: [1, 2, 3]))
    }

    @Test("wrong-length public keys and seeds are rejected with invalidKey")
    func wrongLengthKeys() {
        #expect(throws: PrimitivesError.invalidKey("")) { try Ed25519PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: PrimitivesError.invalidKey("")) { try Ed25519PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 33)) }
        #expect(throws: PrimitivesError.invalidKey("")) { try Ed25519PrivateKey(seed: SecureBytes([UInt8](repeating: 1, count: 64))) }
    }

    @Test("a public key round-trips through its raw representation")
    func publicKeyRoundTrip() throws {
        let key = Ed25519PrivateKey().publicKey
        #expect(try Ed25519PublicKey(rawRepresentation: key.rawRepresentation) == key)
    }
}
