internal import COpenSSL

/// The SM2 recommended curve (GM/T 0003.5-2012, GB/T 32918.5-2017) and the point arithmetic
/// that key handling needs, through OpenSSL's EC API.
enum SM2Curve {
    /// The curve coefficient a, 32 bytes big-endian (an input of the Z-value).
    static let a = constant("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC")
    /// The curve coefficient b.
    static let b = constant("28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93")
    /// The x coordinate of the base point G.
    static let gx = constant("32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7")
    /// The y coordinate of the base point G.
    static let gy = constant("BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0")
    /// n − 1, where n is the group order: private keys lie in [1, n − 2], because signing
    /// inverts 1 + d (GM/T 0003.2 §6.1).
    static let orderMinusOne = constant("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122")

    /// Whether a 32-byte big-endian scalar is a valid private key: not zero and below n − 1.
    /// Branch-free over the bytes, so the time taken does not depend on the secret.
    static func isValidPrivateScalar(_ scalar: SecureBytes) -> Bool {
        guard scalar.count == 32 else { return false }
        return scalar.withUnsafeBytes { bytes in
            var any: UInt8 = 0
            var borrow = 0
            for index in (0..<32).reversed() {
                any |= bytes[index]
                let difference = Int(bytes[index]) - Int(orderMinusOne[index]) - borrow
                borrow = (difference >> 8) & 1
            }
            return any != 0 && borrow == 1
        }
    }

    /// The public point d·G of a private scalar, 65 bytes `04 ‖ x ‖ y`.
    /// - Throws: `PrimitivesError.libraryFailure` if OpenSSL fails.
    static func publicPoint(for scalar: SecureBytes) throws -> [UInt8] {
        try uncompressed { group, point in
            guard let k = BN_secure_new() else { throw PrimitivesError.libraryFailure("OpenSSL could not allocate a scalar.") }
            defer { BN_clear_free(k) }
            let loaded = scalar.withUnsafeBytes { BN_bin2bn($0.bindMemory(to: UInt8.self).baseAddress, 32, k) } != nil
            guard loaded, EC_POINT_mul(group, point, k, nil, nil, nil) == 1 else {
                ERR_clear_error()
                throw PrimitivesError.libraryFailure("OpenSSL failed to multiply the SM2 base point.")
            }
        }
    }

    /// Parses a SEC1 point (33 bytes compressed or 65 uncompressed) and returns it uncompressed.
    /// - Throws: `PrimitivesError.invalidKey` when the bytes are not a point on the curve.
    static func uncompressedPoint(from encoded: [UInt8]) throws -> [UInt8] {
        try uncompressed { group, point in
            guard EC_POINT_oct2point(group, point, encoded, encoded.count, nil) == 1 else {
                ERR_clear_error()
                throw PrimitivesError.invalidKey("The bytes are not a point on the SM2 curve.")
            }
        }
    }

    /// A fresh point of the SM2 group, set by `body`, encoded as 65 bytes `04 ‖ x ‖ y`.
    static func uncompressed(_ body: (OpaquePointer, OpaquePointer) throws -> Void) throws -> [UInt8] {
        try withGroup { group in
            guard let point = EC_POINT_new(group) else { throw PrimitivesError.libraryFailure("OpenSSL could not allocate a point.") }
            defer { EC_POINT_free(point) }
            try body(group, point)
            var out = [UInt8](repeating: 0, count: 65)
            guard EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, &out, 65, nil) == 65 else {
                throw PrimitivesError.libraryFailure("OpenSSL failed to encode an SM2 point.")
            }
            return out
        }
    }

    static func withGroup<R>(_ body: (OpaquePointer) throws -> R) throws -> R {
        guard let group = EC_GROUP_new_by_curve_name(NID_sm2) else {
            ERR_clear_error()
            throw PrimitivesError.libraryFailure("This OpenSSL has no SM2 curve.")
        }
        defer { EC_GROUP_free(group) }
        return try body(group)
    }

    static func constant(_ hex: String) -> [UInt8] {
        guard let bytes = try? Hex.decode(hex), bytes.count == 32 else { fatalError("malformed SM2 constant") }
        return bytes
    }
}
