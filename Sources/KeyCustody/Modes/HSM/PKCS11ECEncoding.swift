/// The DER encodings PKCS#11 uses for elliptic-curve keys (PKCS#11 v2.40, §2.3.3 and §2.3.4).
package enum PKCS11ECEncoding {
    /// `CKA_EC_PARAMS` for secp256k1: the DER OBJECT IDENTIFIER 1.3.132.0.10 (SEC 2, §A.2.1).
    package static let secp256k1Parameters: [UInt8] = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x0A]

    /// The SEC1 point inside a `CKA_EC_POINT` value.
    ///
    /// The standard wraps the point in a DER OCTET STRING; some older tokens return the bare
    /// point, which is accepted too since the two cannot be confused (a 65-byte point is never a
    /// well-formed 65-byte OCTET STRING).
    /// - Throws: `backendFailure` when the value is neither.
    package static func point(fromECPoint value: [UInt8]) throws -> [UInt8] {
        let pointSizes = [33, 65]
        if value.count >= 2, value[0] == 0x04, Int(value[1]) == value.count - 2, pointSizes.contains(value.count - 2) {
            return Array(value.dropFirst(2))
        }
        if pointSizes.contains(value.count) { return value }
        throw KeyCustodyError(.backendFailure, "The token's CKA_EC_POINT (\(value.count) bytes) is not a DER OCTET STRING holding a SEC1 point.")
    }
}
