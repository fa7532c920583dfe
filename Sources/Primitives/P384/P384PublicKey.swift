internal import Crypto

/// A NIST P-384 public key, parsed from SEC1 (49 or 97 bytes) or JWK coordinates: the key of
/// `ecdsa-rdfc-2019` proofs over P-384 (did:key `z82…`), which are verified, never made here.
public struct P384PublicKey: Sendable, Hashable {
    private let key: P384.Signing.PublicKey

    /// Parses a SEC1 point: 49 bytes compressed or 97 bytes uncompressed.
    /// - Parameter bytes: The encoded point.
    /// - Throws: `PrimitivesError.invalidKey` when the bytes are not a point on P-384.
    public init(_ bytes: some Collection<UInt8>) throws {
        let input = Array(bytes)
        do {
            switch input.count {
            case 49: key = try P384.Signing.PublicKey(compressedRepresentation: input)
            case 97: key = try P384.Signing.PublicKey(x963Representation: input)
            default: throw PrimitivesError.invalidKey("A P-384 public key is 49 or 97 bytes, not \(input.count).")
            }
        } catch let error as PrimitivesError { throw error } catch {
            throw PrimitivesError.invalidKey("The bytes are not a point on P-384.")
        }
    }

    /// Builds the key from its affine coordinates (48 bytes each), as a JWK carries them.
    /// - Parameters:
    ///   - x: The x coordinate.
    ///   - y: The y coordinate.
    /// - Throws: `PrimitivesError.invalidKey` when they are not a point on P-384.
    public init(x: [UInt8], y: [UInt8]) throws {
        guard x.count == 48, y.count == 48 else { throw PrimitivesError.invalidKey("P-384 coordinates are 48 bytes each.") }
        try self.init([0x04] + x + y)
    }

    /// The 49-byte SEC1 compressed form (the did:key form).
    public var compressedRepresentation: [UInt8] { Array(key.compressedRepresentation) }
    /// The 97-byte SEC1 uncompressed form.
    public var uncompressedRepresentation: [UInt8] { Array(key.x963Representation) }

    /// Verifies a 96-byte `r ‖ s` ECDSA signature over SHA-384 of `message` (JOSE `ES384`).
    /// - Parameters:
    ///   - signature: The signature; any other length is invalid.
    ///   - message: The signed bytes, hashed here.
    /// - Returns: `true` only for a valid signature by this key.
    public func isValidSignature(_ signature: [UInt8], for message: some Collection<UInt8>) -> Bool {
        guard signature.count == 96, let sig = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else {
            return false
        }
        return key.isValidSignature(sig, for: Array(message))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.compressedRepresentation == rhs.compressedRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(compressedRepresentation) }
}
