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
    public func generateKey(_ key: KeyReference, password: SecureBytes, threshold: Int = 3) throws -> Secp256k1PublicKey {
        let publicKey = try vault.createAccount(username: key.id, password: password, threshold: threshold)
        try unlock(key, password: password)
        return publicKey
    }

    /// Generates one more SM2 key for the same user, split over SM2's group order
    /// (``SM2FeldmanVSS``), and keeps it unlocked for a session.
    /// - Parameters:
    ///   - key: the new key's reference, a username not yet in the vault.
    ///   - password: the user's password.
    ///   - threshold: t.
    /// - Returns: the new public key.
    /// - Throws: as ``SplitVault/createAccount(username:password:threshold:nodes:)``.
    @discardableResult
    public func generateSM2Key(_ key: KeyReference, password: SecureBytes, threshold: Int = 3) throws -> SM2PublicKey {
        let created = try vault.createAccount(username: key.id, password: password, keyType: .sm2, threshold: threshold)
        try unlock(key, password: password)
        guard case .sm2(let publicKey) = created else { preconditionFailure("an SM2 dealing has SM2 commitments") }
        return publicKey
    }
}
