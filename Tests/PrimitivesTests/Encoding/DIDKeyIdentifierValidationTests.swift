import Testing
@testable import Primitives

struct DIDKeyIdentifierValidationTests {
    /// The first Ed25519 vector of w3c-ccg/did-method-key (ed25519-x25519.json).
    static let ed25519ID = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"

    @Test("rejects keys of the wrong length or form for their codec")
    func rejectsWrongKeys() {
        let key32 = [UInt8](repeating: 7, count: 32)
        #expect(throws: PrimitivesError.invalidKey("")) { try DIDKeyIdentifier(codec: .ed25519Pub, publicKey: key32 + [0]) }
        #expect(throws: PrimitivesError.invalidKey("")) { try DIDKeyIdentifier(codec: .x25519Pub, publicKey: key32.dropLast()) }
        #expect(throws: PrimitivesError.invalidKey("")) { try DIDKeyIdentifier(codec: .secp256k1Pub, publicKey: key32) }
        #expect(throws: PrimitivesError.invalidKey("")) { try DIDKeyIdentifier(codec: .p256Pub, publicKey: [0x04] + key32) }
        #expect(throws: PrimitivesError.invalidKey("")) { try DIDKeyIdentifier(codec: .ed25519Priv, publicKey: key32) }
    }

    @Test("rejects identifiers in another base, with a bad varint, or with a truncated key")
    func rejectsBadIdentifiers() throws {
        let bytes = try Multibase.decode(Self.ed25519ID)
        #expect(throws: PrimitivesError.invalidEncoding("")) {
            try DIDKeyIdentifier(parsing: Multibase.encode(bytes, base: .base64URL))
        }
        #expect(throws: PrimitivesError.invalidEncoding("")) { try DIDKeyIdentifier(parsing: "z") }
        #expect(throws: PrimitivesError.invalidEncoding("")) { try DIDKeyIdentifier(parsing: "did:key:" + Self.ed25519ID) }
        #expect(throws: PrimitivesError.invalidKey("")) {
            try DIDKeyIdentifier(parsing: Multibase.encode(bytes.dropLast(), base: .base58BTC))
        }
    }
}
