internal import COpenSSL

extension SM2PublicKey {
    /// The point `k·G` of a scalar, for Feldman commitments and share checks.
    /// - Parameter scalar: k; zero has no point.
    /// - Throws: `PrimitivesError.invalidKey` for zero (the point at infinity has no encoding).
    public init(generatorTimes scalar: SM2Scalar) throws {
        guard !scalar.isZero else { throw PrimitivesError.invalidKey("0·G is the point at infinity.") }
        self.init(uncheckedUncompressed: try SM2Curve.publicPoint(for: scalar.bytes))
    }

    /// The point `k·P`, in variable time: for public multipliers only.
    /// - Parameter multiplier: k, 32 bytes big-endian, public.
    /// - Throws: `PrimitivesError.invalidKey` when the result is the point at infinity.
    public func multiplied(by multiplier: [UInt8]) throws -> SM2PublicKey {
        try Self.combine([(self, multiplier)])
    }

    /// The sum `P_1 + … + P_m`, formed in one step so that partial sums may pass through infinity.
    /// - Throws: `PrimitivesError.invalidInput` for no points; `.invalidKey` when the sum is the
    ///   point at infinity.
    public static func sum(_ points: [SM2PublicKey]) throws -> SM2PublicKey {
        guard !points.isEmpty else { throw PrimitivesError.invalidInput("A sum needs at least one point.") }
        return try combine(points.map { ($0, [1]) })
    }

    /// `Σ k_i·P_i` for public multipliers, accumulated in OpenSSL's point type.
    private static func combine(_ terms: [(point: SM2PublicKey, multiplier: [UInt8])]) throws -> SM2PublicKey {
        var failed = false
        let out = try? SM2Curve.uncompressed { group, sum in
            guard EC_POINT_set_to_infinity(group, sum) == 1, let term = EC_POINT_new(group), let k = BN_new() else {
                failed = true; return
            }
            defer { EC_POINT_free(term); BN_free(k) }
            for (point, multiplier) in terms {
                guard EC_POINT_oct2point(group, term, point.uncompressedRepresentation, 65, nil) == 1,
                      BN_bin2bn(multiplier, Int32(multiplier.count), k) != nil,
                      EC_POINT_mul(group, term, nil, term, k, nil) == 1,
                      EC_POINT_add(group, sum, sum, term, nil) == 1 else { failed = true; return }
            }
        }
        ERR_clear_error()
        guard !failed else { throw PrimitivesError.libraryFailure("OpenSSL failed in SM2 point arithmetic.") }
        // Encoding fails exactly when the result is the point at infinity.
        guard let out else { throw PrimitivesError.invalidKey("The SM2 point sum is the point at infinity.") }
        return SM2PublicKey(uncheckedUncompressed: out)
    }
}
