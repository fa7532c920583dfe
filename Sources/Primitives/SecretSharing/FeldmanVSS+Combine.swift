extension FeldmanVSS {
    /// Rebuilds the private key from at least `threshold` shares, after checking every share
    /// against the commitments and before returning, the key against `C_0`.
    /// - Parameters:
    ///   - shares: distinct shares; more than the threshold is fine, the first t are used.
    ///   - commitments: the dealing's commitments; their count is the threshold t.
    /// - Returns: the private key whose public key is `commitments[0]`.
    /// - Throws: `PrimitivesError.invalidInput` for no commitments (or more than 255) or a
    ///   repeated index; `.insufficientShares` for fewer than t shares; `.invalidShare` naming the
    ///   index of every share that fails verification.
    public static func combine(shares: [ShamirShare], commitments: [Secp256k1PublicKey]) throws -> Secp256k1PrivateKey {
        let threshold = try requireCombinable(shares, commitments: commitments.count) { verify(share: $0, commitments: commitments) }
        let secret = try ShamirSecretSharing.interpolateAtZero(Array(shares.prefix(threshold)))
        guard let key = try? Secp256k1PrivateKey(secret: secret.bytes), key.publicKey == commitments[0] else {
            throw PrimitivesError.invalidShare("The rebuilt key does not match the public key C_0 of the commitments.")
        }
        return key
    }

    /// The checks every combine makes before interpolating, whatever the group: a dealing of
    /// 1 to 255 commitments, distinct indices, at least t shares, and every share verified.
    /// - Parameters:
    ///   - commitments: how many commitments the dealing has (the threshold t).
    ///   - verify: checks one share against the dealing's commitments.
    /// - Returns: the threshold.
    /// - Throws: `PrimitivesError.invalidInput`, `.insufficientShares` or `.invalidShare` naming
    ///   the index of every share that fails verification.
    static func requireCombinable(_ shares: [ShamirShare], commitments threshold: Int,
                                  verify: (ShamirShare) -> Bool) throws -> Int {
        guard (1...ShamirShare.indices.upperBound).contains(threshold) else {
            throw PrimitivesError.invalidInput("A dealing has 1 to 255 commitments, not \(threshold).")
        }
        try ShamirSecretSharing.requireDistinctIndices(shares)
        guard shares.count >= threshold else {
            throw PrimitivesError.insufficientShares("Rebuilding the key needs \(threshold) shares; \(shares.count) were given.")
        }
        let bad = shares.filter { !verify($0) }.map(\.index)
        guard bad.isEmpty else {
            let list = bad.map(String.init).joined(separator: ", ")
            throw PrimitivesError.invalidShare(bad.count == 1
                ? "Share \(list) does not match the Feldman commitments."
                : "Shares \(list) do not match the Feldman commitments.")
        }
        return threshold
    }
}
