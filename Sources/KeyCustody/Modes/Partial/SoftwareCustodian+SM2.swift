public import Primitives

extension SoftwareCustodian: SM2KeyCustodian {
    /// The type of a held key, as its entry's `type` says.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file.
    public func keyType(of key: KeyReference) async throws -> KeyType {
        try heldKey(key).keyType
    }

    /// The public key of a held SM2 key.
    /// - Throws: `KeyCustodyError.keyNotFound`; `.unsupportedKeyType` for a secp256k1 key.
    public func sm2PublicKey(for key: KeyReference) async throws -> SM2PublicKey {
        try heldKey(key).sm2(key.id).publicKey
    }

    /// Signs `message` with a held SM2 key (SM3, identifier `1234567812345678`).
    /// - Throws: `KeyCustodyError.keyNotFound`; `.unsupportedKeyType` for a secp256k1 key;
    ///   `.backendFailure` when OpenSSL fails.
    public func signSM2(_ message: [UInt8], with key: KeyReference) async throws -> SM2Signature {
        let privateKey = try heldKey(key).sm2(key.id)
        do { return try privateKey.signature(for: message) } catch {
            throw KeyCustodyError(.backendFailure, "OpenSSL could not sign with SM2 key \"\(key.id)\".")
        }
    }
}
