internal import CSecp256k1

extension Secp256k1PublicKey {
    /// The point `scalar · G`, computed with libsecp256k1's constant-time, blinded generator
    /// multiplication, so `scalar` may be secret.
    /// - Parameter scalar: the multiplier.
    /// - Throws: `PrimitivesError.invalidKey` when `scalar` is zero (the point at infinity is not
    ///   a public key).
    public init(generatorTimes scalar: Secp256k1Scalar) throws {
        var point = secp256k1_pubkey()
        let ok = scalar.withPointer { secp256k1_ec_pubkey_create(Secp256k1Context.shared.raw, &point, $0) }
        guard ok == 1 else { throw PrimitivesError.invalidKey("Zero times the generator is the point at infinity.") }
        self.init(raw: point)
    }

    /// The point sum `self + other`.
    /// - Parameter other: the point to add.
    /// - Returns: the sum.
    /// - Throws: `PrimitivesError.invalidKey` when the sum is the point at infinity
    ///   (`other = -self`).
    public func adding(_ other: Secp256k1PublicKey) throws -> Secp256k1PublicKey {
        try Self.sum([self, other])
    }

    /// The point `scalar · self`.
    /// - Parameter scalar: a 32-byte big-endian multiplier in [1, n-1].
    /// - Returns: the product.
    /// - Throws: `PrimitivesError.invalidKey` when `scalar` is not 32 bytes or not in [1, n-1].
    /// - Warning: `secp256k1_ec_pubkey_tweak_mul` is not constant time in libsecp256k1 0.2
    ///   (it uses the variable-time `secp256k1_ecmult`): its timing leaks the multiplier. Pass
    ///   only public values (share indices, their powers, hashes of public data), never a secret.
    public func multiplied(by scalar: [UInt8]) throws -> Secp256k1PublicKey {
        guard scalar.count == 32, secp256k1_ec_seckey_verify(Secp256k1Context.shared.raw, scalar) == 1 else {
            throw PrimitivesError.invalidKey("A point multiplier is 32 bytes in [1, n-1].")
        }
        var point = raw
        guard secp256k1_ec_pubkey_tweak_mul(Secp256k1Context.shared.raw, &point, scalar) == 1 else {
            throw PrimitivesError.libraryFailure("libsecp256k1 refused to multiply a valid point by a valid scalar.")
        }
        return Secp256k1PublicKey(raw: point)
    }

    /// The sum of several points, with one check at the end: intermediate sums may pass through
    /// infinity without failing, which pairwise `adding(_:)` could not allow.
    /// - Throws: `PrimitivesError.invalidInput` for an empty list; `PrimitivesError.invalidKey`
    ///   when the total is the point at infinity.
    package static func sum(_ points: [Secp256k1PublicKey]) throws -> Secp256k1PublicKey {
        guard !points.isEmpty else { throw PrimitivesError.invalidInput("A point sum needs at least one point.") }
        let raws = UnsafeMutableBufferPointer<secp256k1_pubkey>.allocate(capacity: points.count)
        defer { raws.deallocate() }
        _ = raws.initialize(from: points.map(\.raw))
        let pointers: [UnsafePointer<secp256k1_pubkey>?] = (0..<points.count).map { UnsafePointer(raws.baseAddress! + $0) }
        var total = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_combine(Secp256k1Context.shared.raw, &total, pointers, points.count) == 1 else {
            throw PrimitivesError.invalidKey("The points sum to the point at infinity, which is not a public key.")
        }
        return Secp256k1PublicKey(raw: total)
    }
}
