internal import CSecp256k1

/// An ECDSA signature with its recovery id (`r ‖ s ‖ v`, v in 0...3), from which the
/// signer's public key can be recovered.
public struct Secp256k1RecoverableSignature: Sendable {
    let raw: secp256k1_ecdsa_recoverable_signature

    init(raw: secp256k1_ecdsa_recoverable_signature) { self.raw = raw }

    /// Parses 65 bytes `r ‖ s ‖ v`; v may be 0...3 or Ethereum's 27...30.
    /// - Throws: `PrimitivesError.invalidSignature` for a wrong length, recovery id or range.
    public init(_ bytes: some Collection<UInt8>) throws {
        let input = Array(bytes)
        guard input.count == 65 else {
            throw PrimitivesError.invalidSignature("A recoverable signature is 65 bytes, not \(input.count).")
        }
        var v = Int32(input[64])
        if v >= 27 { v -= 27 }
        guard (0...3).contains(v) else { throw PrimitivesError.invalidSignature("The recovery id \(input[64]) is not 0...3 or 27...30.") }
        var sig = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(Secp256k1Context.shared.raw, &sig, input, v) == 1 else {
            throw PrimitivesError.invalidSignature("The signature's r or s is not below the group order.")
        }
        raw = sig
    }

    /// The 65-byte `r ‖ s ‖ v` form with v in 0...3.
    public var rawRepresentation: [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var v: Int32 = 0
        withUnsafePointer(to: raw) {
            _ = secp256k1_ecdsa_recoverable_signature_serialize_compact(Secp256k1Context.shared.raw, &out, &v, $0)
        }
        return out + [UInt8(v)]
    }

    /// The signature without its recovery id.
    public var signature: Secp256k1ECDSASignature {
        var plain = secp256k1_ecdsa_signature()
        withUnsafePointer(to: raw) { _ = secp256k1_ecdsa_recoverable_signature_convert(Secp256k1Context.shared.raw, &plain, $0) }
        return Secp256k1ECDSASignature(raw: plain)
    }

    /// Recovers the public key that produced this signature over `digest`.
    /// - Throws: `PrimitivesError.invalidSignature` when no key can be recovered.
    public func recoverPublicKey(forDigest digest: [UInt8]) throws -> Secp256k1PublicKey {
        try Secp256k1ECDSASignature.requireDigest(digest)
        var pubkey = secp256k1_pubkey()
        let ok = withUnsafePointer(to: raw) { secp256k1_ecdsa_recover(Secp256k1Context.shared.raw, &pubkey, $0, digest) }
        guard ok == 1 else { throw PrimitivesError.invalidSignature("No public key can be recovered from this signature.") }
        return Secp256k1PublicKey(raw: pubkey)
    }
}
