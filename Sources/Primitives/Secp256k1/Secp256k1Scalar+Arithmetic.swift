internal import CSecp256k1

extension Secp256k1Scalar {
    /// The sum modulo n.
    /// - Parameter other: the scalar to add.
    /// - Returns: `self + other mod n`.
    public func adding(_ other: Secp256k1Scalar) -> Secp256k1Scalar {
        if isZero { return other }
        if other.isZero { return self }
        // tweak_add returns 0 exactly when the sum is zero (other = -self).
        return transformed { sum in
            other.withPointer { secp256k1_ec_seckey_tweak_add(Secp256k1Context.shared.raw, sum, $0) }
        }
    }

    /// The difference modulo n.
    /// - Parameter other: the scalar to subtract.
    /// - Returns: `self - other mod n`.
    public func subtracting(_ other: Secp256k1Scalar) -> Secp256k1Scalar {
        adding(other.negated())
    }

    /// The product modulo n.
    /// - Parameter other: the factor.
    /// - Returns: `self · other mod n`.
    public func multiplied(by other: Secp256k1Scalar) -> Secp256k1Scalar {
        // n is prime, so the product of two non-zero scalars is never zero.
        if isZero || other.isZero { return .zero }
        return transformed { product in
            other.withPointer { secp256k1_ec_seckey_tweak_mul(Secp256k1Context.shared.raw, product, $0) }
        }
    }

    /// The additive inverse modulo n.
    /// - Returns: `n - self`, or zero for zero.
    public func negated() -> Secp256k1Scalar {
        if isZero { return self }
        return transformed { secp256k1_ec_seckey_negate(Secp256k1Context.shared.raw, $0) }
    }

    /// The multiplicative inverse modulo n, by Fermat's little theorem: `self^(n-2)`.
    ///
    /// Square-and-multiply over the public exponent n − 2: the sequence of constant-time
    /// multiplications is the same for every input, so timing does not depend on `self`.
    /// - Returns: the scalar `x` with `x · self = 1 mod n`.
    /// - Throws: `PrimitivesError.invalidInput` for zero, which has no inverse.
    public func inverse() throws -> Secp256k1Scalar {
        guard !isZero else { throw PrimitivesError.invalidInput("Zero has no inverse modulo the secp256k1 group order.") }
        var result = Secp256k1Scalar.one
        for byte in Self.orderMinusTwo {
            for bit in (0..<8).reversed() {
                result = result.multiplied(by: result)
                if (byte >> UInt8(bit)) & 1 == 1 { result = result.multiplied(by: self) }
            }
        }
        return result
    }

    /// n − 2, big-endian: the exponent of Fermat inversion.
    private static let orderMinusTwo: [UInt8] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x3f,
    ]

    /// The sum modulo n; see ``adding(_:)``.
    public static func + (lhs: Secp256k1Scalar, rhs: Secp256k1Scalar) -> Secp256k1Scalar { lhs.adding(rhs) }
    /// The difference modulo n; see ``subtracting(_:)``.
    public static func - (lhs: Secp256k1Scalar, rhs: Secp256k1Scalar) -> Secp256k1Scalar { lhs.subtracting(rhs) }
    /// The product modulo n; see ``multiplied(by:)``.
    public static func * (lhs: Secp256k1Scalar, rhs: Secp256k1Scalar) -> Secp256k1Scalar { lhs.multiplied(by: rhs) }
    /// The additive inverse modulo n; see ``negated()``.
    public static prefix func - (operand: Secp256k1Scalar) -> Secp256k1Scalar { operand.negated() }
}
