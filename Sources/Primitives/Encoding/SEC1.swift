/// SEC 1 v2 §2.3.3 point encodings for 256-bit curves (secp256k1, P-256): turns an
/// uncompressed point into the 33-byte compressed form that did:key and multikeys carry.
///
/// Compression needs only the parity of y, so no curve arithmetic happens here and the point
/// is not checked to lie on any curve.
public enum SEC1 {
    /// Compresses an uncompressed point `0x04 ‖ x ‖ y`.
    /// - Parameter uncompressed: 65 bytes starting with `0x04`.
    /// - Returns: 33 bytes, `0x02` (even y) or `0x03` (odd y) followed by x.
    /// - Throws: `PrimitivesError.invalidKey` for another length or prefix.
    public static func compress(_ uncompressed: some Collection<UInt8>) throws -> [UInt8] {
        let point = Array(uncompressed)
        guard point.count == 65, point[0] == 0x04 else {
            throw PrimitivesError.invalidKey("An uncompressed SEC1 point is 65 bytes starting with 0x04.")
        }
        return try compress(x: point[1...32], y: point[33...64])
    }

    /// Compresses a point given by its coordinates (as in a JWK's `x` and `y`).
    /// - Parameters:
    ///   - x: the 32-byte big-endian x coordinate.
    ///   - y: the 32-byte big-endian y coordinate.
    /// - Returns: 33 bytes, `0x02` (even y) or `0x03` (odd y) followed by x.
    /// - Throws: `PrimitivesError.invalidKey` when a coordinate is not 32 bytes.
    public static func compress(x: some Collection<UInt8>, y: some Collection<UInt8>) throws -> [UInt8] {
        guard x.count == 32, y.count == 32, let last = y.reversed().first else {
            throw PrimitivesError.invalidKey("SEC1 point coordinates must be 32 bytes each.")
        }
        return [last & 1 == 0 ? 0x02 : 0x03] + Array(x)
    }
}
