import KeyCustody
import Primitives
import Testing

@Suite("PKCS11ECEncoding")
struct PKCS11ECEncodingTests {
    /// The secp256k1 base point G, uncompressed (SEC 2 v2, §2.4.1).
    private static let generator = bytes(
        "0479BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"
            + "483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8")
    /// G's compressed form (SEC 2 v2, §2.4.1).
    private static let compressedGenerator = bytes("0279BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798")

    private static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
    }

    @Test("CKA_EC_PARAMS for secp256k1 is the DER OID 1.3.132.0.10")
    func curveParameters() {
        #expect(PKCS11ECEncoding.secp256k1Parameters == Self.bytes("06052B8104000A"))
    }

    @Test("A CKA_EC_POINT OCTET STRING around G unwraps to G")
    func unwrapsOctetString() throws {
        let point = try PKCS11ECEncoding.point(fromECPoint: [0x04, 0x41] + Self.generator)
        #expect(point == Self.generator)
        #expect(try Secp256k1PublicKey(point).compressedRepresentation == Self.compressedGenerator)
    }

    @Test("A bare SEC1 point, as some older tokens return, is accepted as is")
    func acceptsBarePoint() throws {
        #expect(try PKCS11ECEncoding.point(fromECPoint: Self.generator) == Self.generator)
    }

    @Test("An OCTET STRING whose length byte disagrees is a backend failure")
    func rejectsWrongLength() {
        #expect(throws: KeyCustodyError(.backendFailure, "")) {
            try PKCS11ECEncoding.point(fromECPoint: [0x04, 0x40] + Self.generator)
        }
    }
}
