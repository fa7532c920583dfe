internal import CSecp256k1

/// An ECDSA signature on secp256k1, parsed from DER or from the 64-byte `r ‖ s` (P1363,
/// "compact") form.
public struct Secp256k1ECDSASignature: Sendable, Hashable {
    let raw: secp256k1_ecdsa_signature

    init(raw: secp256k1_ecdsa_signature) { self.raw = raw }

    /// Parses a strict DER encoding.
    /// - Throws: `PrimitivesError.invalidSignature` for anything that is not strict DER.
    public init(derRepresentation der: some Collection<UInt8>) throws {
        let bytes = Array(der)
        var sig = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_der(Secp256k1Context.shared.raw, &sig, bytes, bytes.count) == 1 else {
            throw PrimitivesError.invalidSignature("The ECDSA signature is not strict DER.")
        }
        raw = sig
    }

    /// Parses the 64-byte `r ‖ s` form (each big-endian, each below the group order).
    /// - Throws: `PrimitivesError.invalidSignature` for a wrong length or an out-of-range value.
    public init(compactRepresentation compact: some Collection<UInt8>) throws {
        let bytes = Array(compact)
        guard bytes.count == 64 else {
            throw PrimitivesError.invalidSignature("A compact ECDSA signature is 64 bytes, not \(bytes.count).")
        }
        var sig = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_compact(Secp256k1Context.shared.raw, &sig, bytes) == 1 else {
            throw PrimitivesError.invalidSignature("The ECDSA signature's r or s is not below the group order.")
        }
        raw = sig
    }

    /// The 64-byte `r ‖ s` form (the JOSE ES256K form).
    public var compactRepresentation: [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        withUnsafePointer(to: raw) { _ = secp256k1_ecdsa_signature_serialize_compact(Secp256k1Context.shared.raw, &out, $0) }
        return out
    }

    /// The DER form.
    public var derRepresentation: [UInt8] {
        var out = [UInt8](repeating: 0, count: 72)
        var length = 72
        withUnsafePointer(to: raw) { _ = secp256k1_ecdsa_signature_serialize_der(Secp256k1Context.shared.raw, &out, &length, $0) }
        return Array(out.prefix(length))
    }

    /// Whether `s` is in the lower half of the group order, the only form strict verification accepts.
    public var isLowS: Bool {
        var copy = secp256k1_ecdsa_signature()
        return withUnsafePointer(to: raw) { secp256k1_ecdsa_signature_normalize(Secp256k1Context.shared.raw, &copy, $0) } == 0
    }

    /// The same signature with `s` replaced by `n - s` when it was high; verifies under the same key.
    public var normalized: Secp256k1ECDSASignature {
        var copy = secp256k1_ecdsa_signature()
        withUnsafePointer(to: raw) { _ = secp256k1_ecdsa_signature_normalize(Secp256k1Context.shared.raw, &copy, $0) }
        return Secp256k1ECDSASignature(raw: copy)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.compactRepresentation == rhs.compactRepresentation }
    public func hash(into hasher: inout Hasher) { hasher.combine(compactRepresentation) }

    static func requireDigest(_ digest: [UInt8]) throws {
        guard digest.count == 32 else {
            throw PrimitivesError.invalidInput("An ECDSA digest is 32 bytes, not \(digest.count).")
        }
    }
}
