/// Shamir's secret sharing over the secp256k1 group order n: the polynomial arithmetic under
/// ``FeldmanVSS``, which adds the commitments that let a holder check a share.
///
/// Kept `package` because combining shares without checking them can silently yield a wrong
/// key; callers outside the package go through ``FeldmanVSS``.
package enum ShamirSecretSharing {
    /// Evaluates `f(x) = c₀ + c₁x + … + c_{t-1}x^{t-1}` mod n by Horner's rule, with
    /// constant-time scalar arithmetic.
    /// - Parameters:
    ///   - coefficients: `c₀` (the secret) first.
    ///   - index: the point x, 1...255.
    /// - Returns: `f(x)`.
    package static func evaluate(_ coefficients: [Secp256k1Scalar], at index: Int) -> Secp256k1Scalar {
        let x = Secp256k1Scalar(UInt64(index))
        return coefficients.reversed().reduce(Secp256k1Scalar.zero) { $0 * x + $1 }
    }

    /// Splits with given coefficients: the share at x for x = 1...count.
    /// - Parameters:
    ///   - coefficients: `c₀` (the secret) first; the threshold is their count.
    ///   - count: the number of shares, at most 255.
    /// - Returns: the shares, index 1 first.
    package static func shares(coefficients: [Secp256k1Scalar], count: Int) throws -> [ShamirShare] {
        try (1...count).map { try ShamirShare(index: $0, value: evaluate(coefficients, at: $0)) }
    }

    /// Interpolates the polynomial through `shares` at x = 0 with Lagrange's formula,
    /// `f(0) = Σᵢ yᵢ · Πⱼ≠ᵢ xⱼ / (xⱼ − xᵢ)`.
    /// - Parameter shares: points with distinct indices; exactly as many as the threshold gives
    ///   the secret, and more do no harm when they lie on the same polynomial.
    /// - Returns: `f(0)`.
    /// - Throws: `PrimitivesError.invalidInput` for no shares or a repeated index.
    package static func interpolateAtZero(_ shares: [ShamirShare]) throws -> Secp256k1Scalar {
        guard !shares.isEmpty else { throw PrimitivesError.invalidInput("Interpolation needs at least one share.") }
        try requireDistinctIndices(shares)
        var secret = Secp256k1Scalar.zero
        for share in shares {
            let xi = Secp256k1Scalar(UInt64(share.index))
            var numerator = Secp256k1Scalar.one, denominator = Secp256k1Scalar.one
            for other in shares where other.index != share.index {
                let xj = Secp256k1Scalar(UInt64(other.index))
                numerator = numerator * xj
                denominator = denominator * (xj - xi)
            }
            // The indices are public, so only this product with yᵢ touches a secret.
            secret = secret + share.value * (numerator * (try denominator.inverse()))
        }
        return secret
    }

    /// Refuses shares that repeat an index: two points at one x cannot both be used.
    /// - Throws: `PrimitivesError.invalidInput` naming the repeated index.
    package static func requireDistinctIndices(_ shares: [ShamirShare]) throws {
        var seen = Set<Int>()
        for share in shares where !seen.insert(share.index).inserted {
            throw PrimitivesError.invalidInput("Share index \(share.index) appears more than once.")
        }
    }
}
