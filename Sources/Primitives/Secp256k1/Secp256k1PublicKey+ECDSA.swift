internal import CSecp256k1

extension Secp256k1PublicKey {
    /// Verifies an ECDSA signature over a 32-byte digest, strictly: a high-S signature is
    /// rejected (the Bitcoin rule that removes malleability).
    /// - Returns: `true` only for a valid low-S signature by this key.
    public func isValidSignature(_ signature: Secp256k1ECDSASignature, forDigest digest: [UInt8]) -> Bool {
        guard digest.count == 32 else { return false }
        return withUnsafePointer(to: raw) { key in
            withUnsafePointer(to: signature.raw) { sig in
                secp256k1_ecdsa_verify(Secp256k1Context.shared.raw, sig, digest, key) == 1
            }
        }
    }

    /// Verifies an ECDSA signature over a 32-byte digest, accepting high-S signatures by
    /// normalising them first (for signers such as HSMs that do not produce low-S).
    /// - Returns: `true` for a valid signature by this key in either S form.
    public func isValidSignatureAllowingHighS(_ signature: Secp256k1ECDSASignature, forDigest digest: [UInt8]) -> Bool {
        isValidSignature(signature.normalized, forDigest: digest)
    }
}
