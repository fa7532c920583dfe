internal import CSecp256k1

/// A secp256k1 public key (a point on the curve), parsed from SEC1 compressed or uncompressed form.
public struct Secp256k1PublicKey: Sendable, Hashable, CustomStringConvertible {
    let raw: secp256k1_pubkey

    init(raw: secp256k1_pubkey) { self.raw = raw }

    /// Parses a SEC1 point: 33 bytes compressed, 65 bytes uncompressed (`04 ‖ x ‖ y`), or the
    /// 64-byte `x ‖ y` form that Ethereum-style address derivation uses.
    /// - Throws: `PrimitivesError.invalidKey` when the bytes are not a point on the curve.
    public init(_ bytes: some Collection<UInt8>) throws {
        var input = Array(bytes)
        if input.count == 64 { input.insert(0x04, at: 0) }
        guard input.count == 33 || input.count == 65 else {
            throw PrimitivesError.invalidKey("A secp256k1 public key is 33 or 65 bytes (or 64 without prefix), not \(input.count).")
        }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(Secp256k1Context.shared.raw, &pubkey, input, input.count) == 1 else {
            throw PrimitivesError.invalidKey("The bytes are not a point on secp256k1.")
        }
        raw = pubkey
    }

    /// The 33-byte SEC1 compressed form.
    public var compressedRepresentation: [UInt8] { serialize(flags: UInt32(SECP256K1_EC_COMPRESSED), length: 33) }

    /// The 65-byte SEC1 uncompressed form `04 ‖ x ‖ y`.
    public var uncompressedRepresentation: [UInt8] { serialize(flags: UInt32(SECP256K1_EC_UNCOMPRESSED), length: 65) }

    /// The 32-byte x coordinate alone, the BIP-340 form of this key.
    public var xOnly: Secp256k1XOnlyPublicKey {
        var xonly = secp256k1_xonly_pubkey()
        withUnsafePointer(to: raw) { _ = secp256k1_xonly_pubkey_from_pubkey(Secp256k1Context.shared.raw, &xonly, nil, $0) }
        return Secp256k1XOnlyPublicKey(raw: xonly)
    }

    /// The compressed form in hex.
    public var description: String {
        "Secp256k1PublicKey(" + Hex.encode(compressedRepresentation) + ")"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.compressedRepresentation == rhs.compressedRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(compressedRepresentation) }

    private func serialize(flags: UInt32, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var outLength = length
        withUnsafePointer(to: raw) {
            _ = secp256k1_ec_pubkey_serialize(Secp256k1Context.shared.raw, &out, &outLength, $0, flags)
        }
        return out
    }
}
