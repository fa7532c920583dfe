import KeyCustody
import Primitives
import Testing

/// The checks every device signature passes before `sign` returns it, fed with signatures a
/// faulty or non-normalising device could produce.
@Suite("PKCS11Custodian device-signature checks")
struct PKCS11CustodianCheckedSignatureTests {
    /// The order n of secp256k1's group (SEC 2 v2, §2.4.1).
    private static let order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ]
    private let key = Secp256k1PrivateKey()
    private let digest = (0..<32).map { UInt8($0) }

    /// `n - s` for a big-endian 32-byte `s`: the high-S twin of a low-S signature.
    private static func negated(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in (0..<32).reversed() {
            let difference = Int(order[index]) - Int(s[s.startIndex + index]) - borrow
            result[index] = UInt8((difference + 256) % 256)
            borrow = difference < 0 ? 1 : 0
        }
        return result
    }

    private func check(_ raw: [UInt8], digest: [UInt8]? = nil) throws -> (signature: Secp256k1ECDSASignature, wasHighS: Bool) {
        try PKCS11Custodian.checkedSignature(raw, digest: digest ?? self.digest, publicKey: key.publicKey, signer: "Test device")
    }

    @Test("A high-S device signature comes back as its low-S twin, which verifies strictly")
    func normalisesHighS() throws {
        let lowS = try key.signature(forDigest: digest)
        let highS = Array(lowS.compactRepresentation.prefix(32)) + Self.negated(lowS.compactRepresentation.suffix(32))
        #expect(!key.publicKey.isValidSignature(try Secp256k1ECDSASignature(compactRepresentation: highS), forDigest: digest))
        let checked = try check(highS)
        #expect(checked.wasHighS)
        #expect(checked.signature == lowS)
        #expect(key.publicKey.isValidSignature(checked.signature, forDigest: digest))
        #expect(try check(lowS.compactRepresentation).wasHighS == false)
    }

    @Test("A device signature over another digest, or by another key, is refused as a backend failure")
    func refusesNonVerifying() throws {
        let otherDigest = try key.signature(forDigest: digest.reversed()).compactRepresentation
        #expect(throws: KeyCustodyError(.backendFailure, "")) { try check(otherDigest) }
        let otherKey = try Secp256k1PrivateKey().signature(forDigest: digest).compactRepresentation
        #expect(throws: KeyCustodyError(.backendFailure, "")) { try check(otherKey) }
    }

    @Test("A malformed device signature (wrong length, r not below n) is refused as a backend failure")
    func refusesMalformed() throws {
        let good = try key.signature(forDigest: digest).compactRepresentation
        #expect(throws: KeyCustodyError(.backendFailure, "")) { try check(Array(good.prefix(63))) }
        #expect(throws: KeyCustodyError(.backendFailure, "")) { try check(Self.order + good.suffix(32)) }
    }
}
