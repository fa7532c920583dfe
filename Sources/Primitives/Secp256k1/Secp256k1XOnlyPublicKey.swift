internal import CSecp256k1

/// A BIP-340 public key: the 32-byte x coordinate of a point with even y.
public struct Secp256k1XOnlyPublicKey: Sendable, Hashable {
    let raw: secp256k1_xonly_pubkey

    init(raw: secp256k1_xonly_pubkey) { self.raw = raw }

    /// Parses 32 bytes as the x coordinate of a curve point (BIP-340 `lift_x`).
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or an x with no point.
    public init(_ bytes: some Collection<UInt8>) throws {
        let input = Array(bytes)
        guard input.count == 32 else {
            throw PrimitivesError.invalidKey("A BIP-340 public key is 32 bytes, not \(input.count).")
        }
        var key = secp256k1_xonly_pubkey()
        guard secp256k1_xonly_pubkey_parse(Secp256k1Context.shared.raw, &key, input) == 1 else {
            throw PrimitivesError.invalidKey("The 32 bytes are not the x coordinate of a secp256k1 point.")
        }
        raw = key
    }

    /// The 32-byte form.
    public var rawRepresentation: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        withUnsafePointer(to: raw) { _ = secp256k1_xonly_pubkey_serialize(Secp256k1Context.shared.raw, &out, $0) }
        return out
    }

    /// Verifies a BIP-340 Schnorr signature over a message of any length.
    /// - Returns: `true` only for a valid 64-byte signature by this key.
    public func isValidSchnorrSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64 else { return false }
        return withUnsafePointer(to: raw) { key in
            message.withUnsafeBufferPointer { msg in
                secp256k1_schnorrsig_verify(Secp256k1Context.shared.raw, signature, msg.baseAddress, msg.count, key) == 1
            }
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawRepresentation == rhs.rawRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }
}
