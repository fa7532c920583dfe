public import Primitives

extension VaultCustodian {
    /// Generates one more key for the same user, as a vault account of its own (split t-of-n
    /// like any other) under the same password, and keeps it unlocked for a session, so that a
    /// member's custodian holds several keys (one per DID) under their references.
    /// - Parameters:
    ///   - key: the new key's reference, a username not yet in the vault.
    ///   - password: the user's password, which protects the new key's shares as well.
    ///   - threshold: t, how many nodes recovery needs.
    /// - Returns: the new public key.
    /// - Throws: as ``SplitVault/createAccount(username:password:threshold:nodes:)``.
    @discardableResult
    public func generateKey(_ key: KeyReference, password: SecureBytes, threshold: Int? = nil) async throws -> Secp256k1PublicKey {
        let publicKey = try await vault.createAccount(username: key.id, password: password, threshold: threshold)
        try await unlock(key, password: password)
        return publicKey
    }

    /// Generates one more key of any type for the same user, split t-of-n (SM2 over SM2's group
    /// order, every other type over secp256k1's), and keeps it unlocked for a session.
    /// - Parameters:
    ///   - key: the new key's reference, a username not yet in the vault.
    ///   - password: the user's password.
    ///   - type: the key type.
    ///   - threshold: t.
    /// - Returns: the new public key.
    /// - Throws: as ``SplitVault/createAccount(username:password:threshold:nodes:)``.
    @discardableResult
    public func generateKey(_ key: KeyReference, password: SecureBytes, type: KeyType, threshold: Int? = nil) async throws -> CustodyPublicKey {
        let created = try await vault.createAccount(username: key.id, password: password, keyType: type, threshold: threshold)
        try await unlock(key, password: password)
        return created
    }
}
