public import Primitives

extension VaultCustodian: SM2KeyCustodian {
    /// The type of an account's key, from its public record.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account.
    public func keyType(of key: KeyReference) async throws -> KeyType {
        try vault.accountKey(username: key.id).keyType
    }

    /// The public key of an SM2 account, from its public record; no session is needed.
    /// - Throws: `KeyCustodyError.keyNotFound`; `.unsupportedKeyType` for a secp256k1 account.
    public func sm2PublicKey(for key: KeyReference) async throws -> SM2PublicKey {
        guard case .sm2(let publicKey) = try vault.accountKey(username: key.id) else {
            throw KeyCustodyError(.unsupportedKeyType, "The vault account \"\(key.id)\" holds a secp256k1 key, not an SM2 key.")
        }
        return publicKey
    }

    /// Signs `message` with an unlocked SM2 account key (SM3, identifier `1234567812345678`).
    /// - Throws: `KeyCustodyError.notUnlocked` when no session is open or it expired;
    ///   `.unsupportedKeyType` for a secp256k1 account; `.backendFailure` when OpenSSL fails.
    public func signSM2(_ message: [UInt8], with key: KeyReference) async throws -> SM2Signature {
        let privateKey = try sessionKey(key).sm2(key.id)
        do { return try privateKey.signature(for: message) } catch {
            throw KeyCustodyError(.backendFailure, "OpenSSL could not sign with the vault's SM2 key \"\(key.id)\".")
        }
    }
}
