/// Feldman's verifiable secret sharing of an SM2 private key: Shamir shares over the SM2 group
/// order n (not secp256k1's), with commitments `C_j = a_j · G` on the SM2 curve, so that each
/// share is checked alone and a bad share is named (`specs/custody-vault.md` §2).
///
/// ```swift
/// let dealing = try SM2FeldmanVSS.split(key, threshold: 2, shareCount: 3)
/// dealing.commitments[0] == key.publicKey                                         // true
/// let rebuilt = try SM2FeldmanVSS.combine(shares: Array(dealing.shares[1...]), commitments: dealing.commitments)
/// ```
/// Shares travel as ``ShamirShare``s, whose 33-byte encoding `index ‖ value` is the same for
/// both groups: an SM2 share's value is below SM2's n, which is below secp256k1's, so it fits the
/// share type, and every operation here re-reads it as an ``SM2Scalar`` (refusing values ≥ n).
public enum SM2FeldmanVSS {
    /// The output of a split: the shares and the public commitments they are checked against.
    public struct Dealing: Sendable {
        /// Shares at indices 1...n, in that order.
        public let shares: [ShamirShare]
        /// `a_0 · G, …, a_{t-1} · G`; public, as many as the threshold.
        public let commitments: [SM2PublicKey]
        /// The public key of the shared secret, `C_0`.
        public var publicKey: SM2PublicKey { commitments[0] }
    }

    /// Splits a private key into `shareCount` shares, any `threshold` of which rebuild it.
    /// - Parameters:
    ///   - key: the secret, the polynomial's constant term.
    ///   - threshold: t, 1...shareCount.
    ///   - shareCount: n, at most 255.
    /// - Returns: the shares (x = 1...n) and the commitments, whose first term is `key.publicKey`.
    /// - Throws: `PrimitivesError.invalidInput` unless 1 ≤ t ≤ n ≤ 255.
    public static func split(_ key: SM2PrivateKey, threshold: Int, shareCount: Int) throws -> Dealing {
        guard 1 <= threshold, threshold <= shareCount, shareCount <= ShamirShare.indices.upperBound else {
            throw PrimitivesError.invalidInput("Splitting needs 1 ≤ threshold ≤ shares ≤ 255, not \(threshold)-of-\(shareCount).")
        }
        while true {
            let coefficients = [SM2Scalar(key)] + (1..<threshold).map { _ in SM2Scalar.random() }
            let values = (1...shareCount).map { evaluate(coefficients, at: $0) }
            // A zero share value has no point y·G to verify against; redraw (probability ~n⁻¹).
            guard !values.contains(where: \.isZero) else { continue }
            let shares = try zip(1..., values).map { try share(index: $0, value: $1) }
            return Dealing(shares: shares, commitments: try coefficients.map { try SM2PublicKey(generatorTimes: $0) })
        }
    }

    /// Checks one share against the commitments: `y · G = Σ_j x^j · C_j`.
    /// - Returns: `true` only if the share lies on the committed polynomial.
    public static func verify(share: ShamirShare, commitments: [SM2PublicKey]) -> Bool {
        guard (1...ShamirShare.indices.upperBound).contains(commitments.count),
              let y = try? SM2Scalar(secret: share.value.rawRepresentation),
              let lhs = try? SM2PublicKey(generatorTimes: y) else { return false }
        let x = SM2Scalar(UInt64(share.index))
        var power = SM2Scalar.one, terms = [commitments[0]]
        for commitment in commitments.dropFirst() {
            power = power * x
            // x^j is public (x is), so the variable-time multiplication is safe here.
            guard let term = try? commitment.multiplied(by: power.bytes.unsafeArray) else { return false }
            terms.append(term)
        }
        return (try? SM2PublicKey.sum(terms)) == lhs
    }

    /// Rebuilds the key from at least `threshold` shares, after checking every share and, before
    /// returning, the key against `C_0`.
    /// - Throws: `PrimitivesError.invalidInput` for no commitments or a repeated index;
    ///   `.insufficientShares` for fewer than t shares; `.invalidShare` naming every bad share.
    public static func combine(shares: [ShamirShare], commitments: [SM2PublicKey]) throws -> SM2PrivateKey {
        // The same checks as secp256k1's combine (one sentence per failure, shared).
        let threshold = try FeldmanVSS.requireCombinable(shares, commitments: commitments.count) { verify(share: $0, commitments: commitments) }
        let chosen = Array(shares.prefix(threshold))
        var secret = SM2Scalar.zero
        for share in chosen {
            let xi = SM2Scalar(UInt64(share.index))
            var numerator = SM2Scalar.one, denominator = SM2Scalar.one
            for other in chosen where other.index != share.index {
                let xj = SM2Scalar(UInt64(other.index))
                numerator = numerator * xj
                denominator = denominator * (xj - xi)
            }
            secret = secret + (try SM2Scalar(secret: share.value.rawRepresentation)) * (numerator * (try denominator.inverse()))
        }
        guard let key = try? SM2PrivateKey(secret: secret.bytes), key.publicKey == commitments[0] else {
            throw PrimitivesError.invalidShare("The rebuilt key does not match the public key C_0 of the commitments.")
        }
        return key
    }

    /// `f(x) = c₀ + c₁x + … mod n` by Horner's rule.
    static func evaluate(_ coefficients: [SM2Scalar], at index: Int) -> SM2Scalar {
        let x = SM2Scalar(UInt64(index))
        return coefficients.reversed().reduce(SM2Scalar.zero) { $0 * x + $1 }
    }

    private static func share(index: Int, value: SM2Scalar) throws -> ShamirShare {
        // Below SM2's n, hence below secp256k1's: the share type accepts it.
        try ShamirShare(index: index, value: Secp256k1Scalar(secret: value.bytes))
    }
}
