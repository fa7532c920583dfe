internal import CSecp256k1
internal import CSodium

/// An integer modulo the secp256k1 group order n, kept in wiped-on-release memory: the
/// arithmetic that secret sharing and other schemes over the curve's scalars need.
///
/// ```swift
/// let x = Secp256k1Scalar.random()
/// try x.inverse() * x == .one     // true
/// Secp256k1Scalar(3) - Secp256k1Scalar(5) == -Secp256k1Scalar(2)  // true
/// ```
/// Addition, multiplication and negation run in libsecp256k1's constant-time scalar code
/// (`secp256k1_ec_seckey_tweak_add`, `_tweak_mul`, `_seckey_negate`). Those functions refuse
/// zero, so zero is handled before calling them: timing reveals whether an operand or a sum is
/// zero, and nothing else about the values. For secret values drawn at random that happens with
/// probability about 2⁻²⁵⁶. ``inverse()`` runs a fixed sequence of multiplications.
public struct Secp256k1Scalar: Sendable, Equatable, CustomStringConvertible {
    /// 32 bytes, big-endian, in [0, n); zero is the all-zero string.
    let bytes: SecureBytes

    private init(checked bytes: SecureBytes) { self.bytes = bytes }

    /// Wraps a small non-negative integer, such as a share index.
    /// - Parameter value: the integer; every `UInt64` is below n.
    public init(_ value: UInt64) {
        bytes = SecureBytes(count: 32) { out in
            for i in 0..<8 { out[31 - i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
    }

    /// Parses a 32-byte big-endian integer.
    /// - Parameter rawRepresentation: the integer; it must be below n (zero is accepted).
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or a value not below n.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        try self.init(secret: SecureBytes(rawRepresentation))
    }

    /// Wraps a 32-byte big-endian integer already held in secure memory.
    /// - Parameter secret: the integer; it must be below n (zero is accepted).
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or a value not below n.
    public init(secret: SecureBytes) throws {
        guard secret.count == 32 else {
            throw PrimitivesError.invalidKey("A secp256k1 scalar is 32 bytes, not \(secret.count).")
        }
        let inRange = secret.withUnsafeBytes { raw in
            sodium_is_zero(raw.bytePointer, 32) == 1
                || secp256k1_ec_seckey_verify(Secp256k1Context.shared.raw, raw.bytePointer) == 1
        }
        guard inRange else { throw PrimitivesError.invalidKey("The secp256k1 scalar is not below the group order.") }
        bytes = secret
    }

    /// The scalar of a private key.
    /// - Parameter key: the key; its scalar is in [1, n-1].
    public init(_ key: Secp256k1PrivateKey) { bytes = key.secret }

    /// Draws a uniformly random scalar in [1, n-1].
    /// - Returns: a fresh secret scalar.
    public static func random() -> Secp256k1Scalar {
        while true {
            // Rejection sampling: about 2⁻¹²⁸ of 32-byte strings are not below n.
            if let scalar = try? Secp256k1Scalar(secret: SecureRandom.secret(count: 32)), !scalar.isZero {
                return scalar
            }
        }
    }

    /// The additive identity.
    public static var zero: Secp256k1Scalar { Secp256k1Scalar(0) }
    /// The multiplicative identity.
    public static var one: Secp256k1Scalar { Secp256k1Scalar(1) }

    /// Whether this is zero, decided in constant time.
    public var isZero: Bool { bytes.withUnsafeBytes { sodium_is_zero($0.bytePointer, 32) == 1 } }

    /// The 32-byte big-endian form.
    /// - Warning: the bytes are secret when the scalar is; keep them in ``SecureBytes``.
    public var rawRepresentation: SecureBytes { bytes }

    /// A redacted description: scalars are often secrets.
    public var description: String { "Secp256k1Scalar(redacted)" }

    /// Equality of the values, compared in constant time.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.bytes == rhs.bytes }

    /// Runs a libsecp256k1 in-place operation on a copy of this scalar.
    /// - Parameter operation: returns libsecp256k1's result; 0 means the result is zero, which
    ///   these functions refuse to write, so the copy is set to zero instead.
    func transformed(_ operation: (UnsafeMutablePointer<UInt8>) -> Int32) -> Secp256k1Scalar {
        Secp256k1Scalar(checked: SecureBytes(count: 32) { out in
            bytes.withUnsafeBytes { out.copyMemory(from: $0) }
            if operation(out.bytePointer) != 1 { sodium_memzero(out.baseAddress, 32) }
        })
    }

    func withPointer<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { try body($0.bytePointer) }
    }
}
