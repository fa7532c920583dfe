import Primitives
import Testing
import TestVectors

/// SM2 keys and signatures: sign/verify behaviour, the DER and raw encodings, SEC1 point forms
/// and the private scalar's range.
struct SM2KeyAndSignatureTests {
    private let order = hex("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123")

    @Test("an SM2 signature verifies for its key, message and identifier only")
    func signVerify() throws {
        let key = SM2PrivateKey(), other = SM2PrivateKey()
        let message = Array("chancery".utf8)
        let signature = try key.signature(for: message)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: message + [0]))
        #expect(!key.publicKey.isValidSignature(signature, for: message, distinguishingIdentifier: []))
        let identifier = Array("ALICE123@YAHOO.COM".utf8)
        let withIdentifier = try key.signature(for: message, distinguishingIdentifier: identifier)
        #expect(key.publicKey.isValidSignature(withIdentifier, for: message, distinguishingIdentifier: identifier))
        #expect(!key.publicKey.isValidSignature(withIdentifier, for: message))
        let empty = try key.signature(for: [UInt8]())
        #expect(key.publicKey.isValidSignature(empty, for: [UInt8]()))
    }

    @Test("signatures round-trip through strict DER and raw r ‖ s; malformed forms are refused")
    func signatureEncodings() throws {
        let key = SM2PrivateKey()
        for round in 0..<8 {
            let signature = try key.signature(for: [UInt8(round)])
            let der = signature.derRepresentation
            #expect(der[0] == 0x30 && Int(der[1]) == der.count - 2 && der.count <= 72)
            #expect(try SM2Signature(derRepresentation: der) == signature)
            #expect(try SM2Signature(rawRepresentation: signature.rawRepresentation) == signature)
            #expect(signature.rawRepresentation.count == 64)
            #expect(throws: PrimitivesError(.invalidSignature, "")) { try SM2Signature(derRepresentation: der + [0]) }
            #expect(throws: PrimitivesError(.invalidSignature, "")) { try SM2Signature(derRepresentation: der.dropLast()) }
        }
        // r = 1 with a superfluous leading zero: BER, not DER.
        #expect(throws: PrimitivesError(.invalidSignature, "")) {
            try SM2Signature(derRepresentation: [0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01])
        }
        #expect(try SM2Signature(derRepresentation: [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]).rawRepresentation
                == [UInt8](repeating: 0, count: 31) + [1] + [UInt8](repeating: 0, count: 31) + [1])
        #expect(throws: PrimitivesError(.invalidSignature, "")) { try SM2Signature(derRepresentation: [UInt8]()) }
        #expect(throws: PrimitivesError(.invalidSignature, "")) { try SM2Signature(rawRepresentation: [UInt8](repeating: 1, count: 63)) }
        let oversized: [UInt8] = [0x30, 0x26, 0x02, 0x21, 0x01] + [UInt8](repeating: 0, count: 32) + [0x02, 0x01, 0x01]
        #expect(throws: PrimitivesError(.invalidSignature, "")) { try SM2Signature(derRepresentation: oversized) }
        // r = n is in range for the encoding but not for verification.
        let outOfRange = try SM2Signature(rawRepresentation: order + [UInt8](repeating: 0, count: 31) + [1])
        #expect(!key.publicKey.isValidSignature(outOfRange, for: [0]))
    }

    @Test("public keys round-trip through compressed and uncompressed SEC1; other bytes are refused")
    func publicKeyEncodings() throws {
        for _ in 0..<8 {
            let key = SM2PrivateKey().publicKey
            #expect(key.compressedRepresentation.count == 33 && key.uncompressedRepresentation.count == 65)
            #expect(try SM2PublicKey(key.compressedRepresentation) == key)
            #expect(try SM2PublicKey(key.uncompressedRepresentation) == key)
        }
        let point = SM2PrivateKey().publicKey.uncompressedRepresentation
        var offCurve = point; offCurve[64] ^= 0x01
        #expect(throws: PrimitivesError(.invalidKey, "")) { try SM2PublicKey(offCurve) }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try SM2PublicKey(Array(point.dropFirst())) }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try SM2PublicKey([0x06] + point.dropFirst()) }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try SM2PublicKey([0x02] + [UInt8](repeating: 0xff, count: 32)) }
    }

    @Test("private keys must lie in [1, n − 2]; a key round-trips through its scalar and is redacted")
    func privateKeyRange() throws {
        let nMinusOne = Array(order.dropLast()) + [order[31] - 1]
        let nMinusTwo = Array(order.dropLast()) + [order[31] - 2]
        for scalar in [[UInt8](repeating: 0, count: 32), nMinusOne, order, [UInt8](repeating: 0xff, count: 32)] {
            #expect(throws: PrimitivesError(.invalidKey, "")) { try SM2PrivateKey(rawRepresentation: scalar) }
        }
        #expect(throws: PrimitivesError(.invalidKey, "")) { try SM2PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        let highest = try SM2PrivateKey(rawRepresentation: nMinusTwo)
        #expect(highest.publicKey.isValidSignature(try highest.signature(for: [1]), for: [1]))
        let one = try SM2PrivateKey(rawRepresentation: [UInt8](repeating: 0, count: 31) + [1])
        #expect(Array(one.publicKey.uncompressedRepresentation[1...32])
                == hex("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7"), "1·G is the base point")
        let key = SM2PrivateKey()
        let restored = try SM2PrivateKey(secret: key.rawRepresentation)
        #expect(restored.publicKey == key.publicKey)
        #expect("\(key)" == "SM2PrivateKey(redacted)")
        #expect(!"\(key.rawRepresentation)".contains(Hex.encode(key.rawRepresentation.unsafeArray)))
    }

    @Test("an identifier too long for the 16-bit ENTL field is refused")
    func identifierLength() throws {
        let key = SM2PrivateKey()
        let longest = [UInt8](repeating: 0x41, count: 8190)
        let signature = try key.signature(for: [1], distinguishingIdentifier: longest)
        #expect(key.publicKey.isValidSignature(signature, for: [1], distinguishingIdentifier: longest))
        let tooLong = longest + [0x41]
        #expect(throws: PrimitivesError(.invalidInput, "")) { try key.signature(for: [1], distinguishingIdentifier: tooLong) }
        #expect(throws: PrimitivesError(.invalidInput, "")) { try key.publicKey.zValue(distinguishingIdentifier: tooLong) }
        #expect(!key.publicKey.isValidSignature(signature, for: [1], distinguishingIdentifier: tooLong))
    }
}
