/// Feldman's verifiable secret sharing of a secp256k1 private key: Shamir shares over the
/// group order n, plus commitments `C_j = a_j · G` to the polynomial's coefficients, so that
/// each share can be checked alone and a bad share is named rather than silently used.
///
/// ```swift
/// let dealing = try FeldmanVSS.split(key, threshold: 3, shareCount: 5)
/// dealing.commitments[0] == key.publicKey                                   // true
/// FeldmanVSS.verify(share: dealing.shares[1], commitments: dealing.commitments)  // true
/// let rebuilt = try FeldmanVSS.combine(shares: Array(dealing.shares[2...]), commitments: dealing.commitments)
/// ```
/// The commitments are public; `C_0` is the public key. Any t − 1 shares are independent of
/// the key (the commitments reveal only the points `a_j · G`).
public enum FeldmanVSS {
    /// The output of a split: the shares and the public commitments they are checked against.
    public struct Dealing: Sendable {
        /// Shares at indices 1...n, in that order; each goes to one holder.
        public let shares: [ShamirShare]
        /// `a_0 · G, …, a_{t-1} · G`; public, and as many as the threshold.
        public let commitments: [Secp256k1PublicKey]
        /// The public key of the shared secret, `C_0`.
        public var publicKey: Secp256k1PublicKey { commitments[0] }
    }

    /// Splits a private key into `shareCount` shares, any `threshold` of which rebuild it.
    /// - Parameters:
    ///   - key: the secret, the polynomial's constant term.
    ///   - threshold: t, the number of shares needed, 1...shareCount.
    ///   - shareCount: n, the number of shares, at most 255.
    /// - Returns: the shares (x = 1...n) and the commitments, whose first term is `key.publicKey`.
    /// - Throws: `PrimitivesError.invalidInput` unless 1 ≤ t ≤ n ≤ 255.
    public static func split(_ key: Secp256k1PrivateKey, threshold: Int, shareCount: Int) throws -> Dealing {
        guard 1 <= threshold, threshold <= shareCount, shareCount <= ShamirShare.indices.upperBound else {
            throw PrimitivesError.invalidInput("Splitting needs 1 ≤ threshold ≤ shares ≤ 255, not \(threshold)-of-\(shareCount).")
        }
        while true {
            let coefficients = [Secp256k1Scalar(key)] + (1..<threshold).map { _ in Secp256k1Scalar.random() }
            let dealing = try split(coefficients: coefficients, shareCount: shareCount)
            // A zero share value has no point y·G to verify against; redraw (probability ~n⁻¹).
            if !dealing.shares.contains(where: \.value.isZero) { return dealing }
        }
    }

    /// Splits with given non-zero coefficients, for known-answer tests.
    /// - Throws: `PrimitivesError.invalidKey` when a coefficient is zero.
    package static func split(coefficients: [Secp256k1Scalar], shareCount: Int) throws -> Dealing {
        let commitments = try coefficients.map { try Secp256k1PublicKey(generatorTimes: $0) }
        return Dealing(shares: try ShamirSecretSharing.shares(coefficients: coefficients, count: shareCount), commitments: commitments)
    }

    /// Checks one share against the commitments: `y · G = Σ_j x^j · C_j`.
    /// - Parameters:
    ///   - share: the share `(x, y)`.
    ///   - commitments: the dealing's commitments, `C_0` first.
    /// - Returns: `true` only if the share lies on the committed polynomial.
    public static func verify(share: ShamirShare, commitments: [Secp256k1PublicKey]) -> Bool {
        guard (1...ShamirShare.indices.upperBound).contains(commitments.count),
              let lhs = try? Secp256k1PublicKey(generatorTimes: share.value) else { return false }
        let x = Secp256k1Scalar(UInt64(share.index))
        var power = Secp256k1Scalar.one, terms = [commitments[0]]
        for commitment in commitments.dropFirst() {
            power = power * x
            // x^j is public (x is), so the variable-time point multiplication is safe here.
            guard let term = try? commitment.multiplied(by: power.bytes.unsafeArray) else { return false }
            terms.append(term)
        }
        guard let rhs = try? Secp256k1PublicKey.sum(terms) else { return false }
        return lhs == rhs
    }
}
