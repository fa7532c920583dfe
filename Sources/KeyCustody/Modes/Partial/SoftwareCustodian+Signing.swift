public import Primitives

extension SoftwareCustodian {
    /// Signs a 32-byte digest with ECDSA (RFC 6979 nonces).
    /// - Parameters:
    ///   - digest: the hash of the canonical bytes.
    ///   - key: which key signs.
    /// - Returns: a low-S signature, which strict verification accepts.
    /// - Throws: `KeyCustodyError.invalidInput` for a digest that is not 32 bytes;
    ///   `.keyNotFound` for an unknown key.
    public func sign(digest: [UInt8], with key: KeyReference) async throws -> Secp256k1ECDSASignature {
        guard digest.count == 32 else {
            throw KeyCustodyError(.invalidInput, "An ECDSA digest is 32 bytes, not \(digest.count).")
        }
        let privateKey = try privateKey(key)
        do { return try privateKey.signature(forDigest: digest) } catch {
            throw KeyCustodyError(.backendFailure, "libsecp256k1 could not sign with key \"\(key.id)\".")
        }
    }

    /// The private key behind `key`, for a backup or a move to another custody mode.
    /// - Warning: the caller becomes responsible for the secret.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown key.
    public func exportPrivateKey(_ key: KeyReference) async throws -> Secp256k1PrivateKey {
        try privateKey(key)
    }
}
