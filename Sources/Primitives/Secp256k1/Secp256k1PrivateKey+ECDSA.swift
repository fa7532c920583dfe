internal import CSecp256k1

extension Secp256k1PrivateKey {
    /// Signs a 32-byte digest with ECDSA, deterministic nonce per RFC 6979; the result is
    /// always low-S, as libsecp256k1 produces it.
    /// - Parameter digest: the 32-byte message hash (the caller chooses SHA-256 or Keccak-256).
    /// - Returns: the signature.
    /// - Throws: `PrimitivesError.invalidInput` when the digest is not 32 bytes.
    public func signature(forDigest digest: [UInt8]) throws -> Secp256k1ECDSASignature {
        try Secp256k1ECDSASignature.requireDigest(digest)
        var signature = secp256k1_ecdsa_signature()
        let ok = withScalar { secp256k1_ecdsa_sign(Secp256k1Context.shared.raw, &signature, digest, $0, nil, nil) }
        guard ok == 1 else { throw PrimitivesError.libraryFailure("libsecp256k1 failed to sign.") }
        return Secp256k1ECDSASignature(raw: signature)
    }

    /// Signs a 32-byte digest with ECDSA and returns the signature with its recovery id, so that
    /// a verifier can recover the public key (Ethereum-style `r ‖ s ‖ v`).
    /// - Throws: `PrimitivesError.invalidInput` when the digest is not 32 bytes.
    public func recoverableSignature(forDigest digest: [UInt8]) throws -> Secp256k1RecoverableSignature {
        try Secp256k1ECDSASignature.requireDigest(digest)
        var signature = secp256k1_ecdsa_recoverable_signature()
        let ok = withScalar {
            secp256k1_ecdsa_sign_recoverable(Secp256k1Context.shared.raw, &signature, digest, $0, nil, nil)
        }
        guard ok == 1 else { throw PrimitivesError.libraryFailure("libsecp256k1 failed to sign.") }
        return Secp256k1RecoverableSignature(raw: signature)
    }
}
