internal import COpenSSL

/// An integer modulo the SM2 group order n, kept in wiped-on-release memory: the arithmetic
/// that Shamir sharing of SM2 keys (``SM2FeldmanVSS``) needs.
///
/// ```swift
/// let x = SM2Scalar.random()
/// try x.inverse() * x == .one     // true
/// ```
/// The operations run in OpenSSL's `BN_mod_*` functions on secure-heap `BIGNUM`s flagged
/// `BN_FLG_CONSTTIME`; OpenSSL documents constant-time behaviour for its modular inversion and
/// exponentiation under that flag, not for `BN_mod_add`/`BN_mod_mul`, whose timing may depend on
/// the operands' lengths. They run only when a vault account is created or recovered, never per
/// signature; every `BIGNUM` is cleared before it is freed.
public struct SM2Scalar: Sendable, Equatable, CustomStringConvertible {
    /// 32 bytes, big-endian, in [0, n).
    let bytes: SecureBytes

    /// The group order n.
    static let order = SM2Curve.constant("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123")

    private init(checked bytes: SecureBytes) { self.bytes = bytes }

    /// Wraps a small non-negative integer, such as a share index.
    /// - Parameter value: the integer; every `UInt64` is below n.
    public init(_ value: UInt64) {
        bytes = SecureBytes(count: 32) { out in
            for i in 0..<8 { out[31 - i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
    }

    /// Wraps a 32-byte big-endian integer held in secure memory.
    /// - Parameter secret: the integer; it must be below n (zero is accepted).
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or a value not below n.
    public init(secret: SecureBytes) throws {
        guard secret.count == 32 else { throw PrimitivesError.invalidKey("An SM2 scalar is 32 bytes, not \(secret.count).") }
        // Branch-free comparison with n, as for private keys.
        let below = secret.withUnsafeBytes { value in
            var borrow = 0
            for index in (0..<32).reversed() {
                borrow = ((Int(value[index]) - Int(Self.order[index]) - borrow) >> 8) & 1
            }
            return borrow == 1
        }
        guard below else { throw PrimitivesError.invalidKey("The SM2 scalar is not below the group order.") }
        bytes = secret
    }

    /// The scalar of a private key.
    public init(_ key: SM2PrivateKey) { bytes = key.secret }

    /// Draws a uniformly random scalar in [1, n − 1].
    public static func random() -> SM2Scalar {
        while true {
            if let scalar = try? SM2Scalar(secret: SecureRandom.secret(count: 32)), !scalar.isZero { return scalar }
        }
    }

    /// The additive identity.
    public static var zero: SM2Scalar { SM2Scalar(0) }
    /// The multiplicative identity.
    public static var one: SM2Scalar { SM2Scalar(1) }

    /// Whether this is zero, decided without branching on the bytes.
    public var isZero: Bool { bytes.withUnsafeBytes { $0.reduce(0) { $0 | $1 } == 0 } }

    /// The 32-byte big-endian form.
    /// - Warning: the bytes are secret when the scalar is; keep them in ``SecureBytes``.
    public var rawRepresentation: SecureBytes { bytes }

    /// A redacted description: scalars are often secrets.
    public var description: String { "SM2Scalar(redacted)" }

    /// Sum modulo n.
    public static func + (lhs: SM2Scalar, rhs: SM2Scalar) -> SM2Scalar {
        compute(lhs, rhs) { r, a, b, n, context in BN_mod_add(r, a, b, n, context) == 1 }
    }

    /// Difference modulo n.
    public static func - (lhs: SM2Scalar, rhs: SM2Scalar) -> SM2Scalar {
        compute(lhs, rhs) { r, a, b, n, context in BN_mod_sub(r, a, b, n, context) == 1 }
    }

    /// Product modulo n.
    public static func * (lhs: SM2Scalar, rhs: SM2Scalar) -> SM2Scalar {
        compute(lhs, rhs) { r, a, b, n, context in BN_mod_mul(r, a, b, n, context) == 1 }
    }

    /// The multiplicative inverse modulo n.
    /// - Throws: `PrimitivesError.invalidInput` for zero, which has none.
    public func inverse() throws -> SM2Scalar {
        guard !isZero else { throw PrimitivesError.invalidInput("Zero has no inverse modulo n.") }
        return Self.compute(self, self) { r, a, _, n, context in BN_mod_inverse(r, a, n, context) != nil }
    }

    /// Equal values, compared in constant time.
    public static func == (lhs: SM2Scalar, rhs: SM2Scalar) -> Bool { lhs.bytes == rhs.bytes }

    /// Runs one `BN_mod_*` operation on secure-heap copies of the operands; a failure of
    /// OpenSSL's allocator is not recoverable, as with SM3.
    private static func compute(
        _ lhs: SM2Scalar, _ rhs: SM2Scalar,
        _ operation: (OpaquePointer, OpaquePointer, OpaquePointer, OpaquePointer, OpaquePointer) -> Bool
    ) -> SM2Scalar {
        guard let context = BN_CTX_secure_new() else { preconditionFailure("OpenSSL could not allocate a BN_CTX") }
        defer { BN_CTX_free(context) }
        let a = bignum(lhs.bytes), b = bignum(rhs.bytes), n = bignum(SecureBytes(order)), r = bignum(nil)
        defer { [a, b, n, r].forEach { BN_clear_free($0) } }
        precondition(operation(r, a, b, n, context), "OpenSSL's SM2 scalar arithmetic failed")
        let result = SecureBytes(count: 32) { out in
            precondition(BN_bn2binpad(r, out.bindMemory(to: UInt8.self).baseAddress, 32) == 32, "SM2 scalar out of range")
        }
        return SM2Scalar(checked: result)
    }

    private static func bignum(_ value: SecureBytes?) -> OpaquePointer {
        guard let number = BN_secure_new() else { preconditionFailure("OpenSSL could not allocate a BIGNUM") }
        BN_set_flags(number, BN_FLG_CONSTTIME)
        if let value {
            let loaded = value.withUnsafeBytes { BN_bin2bn($0.bindMemory(to: UInt8.self).baseAddress, 32, number) }
            precondition(loaded != nil, "OpenSSL could not load an SM2 scalar")
        }
        return number
    }
}
