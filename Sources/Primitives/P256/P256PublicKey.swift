internal import Crypto

/// A NIST P-256 public key, parsed from SEC1 (33 or 65 bytes) or JWK coordinates.
public struct P256PublicKey: Sendable, Hashable {
    private let key: P256.Signing.PublicKey

    init(key: P256.Signing.PublicKey) { self.key = key }

    /// Parses a SEC1 point: 33 bytes compressed or 65 bytes uncompressed.
    /// - Throws: `PrimitivesError.invalidKey` when the bytes are not a point on P-256.
    public init(_ bytes: some Collection<UInt8>) throws {
        let input = Array(bytes)
        do {
            switch input.count {
            case 33: key = try P256.Signing.PublicKey(compressedRepresentation: input)
            case 65: key = try P256.Signing.PublicKey(x963Representation: input)
            default: throw PrimitivesError.invalidKey("A P-256 public key is 33 or 65 bytes, not \(input.count).")
            }
        } catch let error as PrimitivesError { throw error } catch {
            throw PrimitivesError.invalidKey("The bytes are not a point on P-256.")
        }
    }

    /// Builds the key from its affine coordinates (32 bytes each), as a JWK carries them.
    /// - Throws: `PrimitivesError.invalidKey` when they are not a point on P-256.
    public init(x: [UInt8], y: [UInt8]) throws {
        guard x.count == 32, y.count == 32 else { throw PrimitivesError.invalidKey("P-256 coordinates are 32 bytes each.") }
        try self.init([0x04] + x + y)
    }

    /// The 33-byte SEC1 compressed form (the did:key form).
    public var compressedRepresentation: [UInt8] { Array(key.compressedRepresentation) }
    /// The 65-byte SEC1 uncompressed form.
    public var uncompressedRepresentation: [UInt8] { Array(key.x963Representation) }

    /// Verifies a 64-byte `r ‖ s` ECDSA signature over SHA-256 of `message`.
    /// - Returns: `true` only for a valid signature by this key.
    public func isValidSignature(_ signature: [UInt8], for message: some Collection<UInt8>) -> Bool {
        guard signature.count == 64, let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else {
            return false
        }
        return key.isValidSignature(sig, for: Array(message))
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.compressedRepresentation == rhs.compressedRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(compressedRepresentation) }
}
