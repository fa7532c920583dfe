public import Primitives

extension VaultCustodian: TypedKeyCustodian {
    /// The type of an account's key, from its public record.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account.
    public func keyType(of key: KeyReference) async throws -> KeyType {
        try vault.accountKey(username: key.id).keyType
    }

    /// The public key of an account of any type, from its public record; no session is needed.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account.
    public func typedPublicKey(for key: KeyReference) async throws -> CustodyPublicKey {
        try vault.accountKey(username: key.id)
    }

    /// Signs `message` with an unlocked account key, by its type
    /// (``TypedKeyCustodian/signMessage(_:with:)``).
    /// - Throws: `KeyCustodyError.notUnlocked` when no session is open or it expired;
    ///   `.backendFailure` when the library fails.
    public func signMessage(_ message: [UInt8], with key: KeyReference) async throws -> [UInt8] {
        try await sessionKey(key).signMessage(message, name: key.id)
    }
}
