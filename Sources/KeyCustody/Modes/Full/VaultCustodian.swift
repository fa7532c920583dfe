public import Foundation
public import Primitives

/// Full custody as a ``KeyCustodian``: keys live split across vault nodes, and a key signs only
/// during a session its owner opened with the password.
///
/// ```swift
/// let custodian = VaultCustodian(vault: vault)
/// try custodian.unlock(KeyReference("alice"), password: password)    // recovers from t nodes
/// let signature = try await custodian.sign(digest: hash, with: KeyReference("alice"))
/// custodian.lock(KeyReference("alice"))                              // wipes the key
/// ```
/// A ``KeyReference`` is the account's username. Design choice: `sign` cannot take a password,
/// so rebuilding the key on every call would mean keeping the password instead, plus an
/// Argon2id run and t node round trips per signature. The custodian therefore rebuilds the key
/// once in ``unlock(_:password:)`` and keeps it, in `SecureBytes`, until ``lock(_:)``, the
/// session lifetime passes (read from the injected clock when signing), or the custodian is
/// released; each release wipes it. Keys are never exported.
public final class VaultCustodian: KeyCustodian, @unchecked Sendable {
    // @unchecked: `sessions` is only touched under `lock`.

    /// The full custody mode.
    public var mode: CustodyMode { .full }

    let vault: SplitVault
    let sessionLifetime: TimeInterval
    let clock: @Sendable () -> Date
    private let lock = NSLock()
    private var sessions: [String: (key: CustodyPrivateKey, expires: Date, passwordKey: VaultPasswordKey)] = [:]
    /// Keys of a session opened with ``unlock(_:password:)-([KeyReference],_)`` that are rebuilt
    /// when first used, with the password key of their salt.
    private var deferred: [String: (passwordKey: VaultPasswordKey, expires: Date)] = [:]

    /// Wraps a vault.
    /// - Parameters:
    ///   - vault: the coordinator that rebuilds keys.
    ///   - sessionLifetime: how long an unlocked key may sign, in seconds (15 minutes by default).
    ///   - clock: the current time; tests inject a fake one.
    public init(vault: SplitVault, sessionLifetime: TimeInterval = 900, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.vault = vault
        self.sessionLifetime = sessionLifetime
        self.clock = clock
    }

    /// Rebuilds the key of an account from the vault and keeps it for one session.
    /// - Parameters:
    ///   - key: the account's username.
    ///   - password: the account's password.
    /// - Throws: as ``SplitVault/recover(username:password:)``.
    public func unlock(_ key: KeyReference, password: SecureBytes) async throws {
        let (privateKey, passwordKey) = try await vault.recoverKeyAndPasswordKey(username: key.id, password: password)
        let expires = clock().addingTimeInterval(sessionLifetime)
        lock.withLock { sessions[key.id] = (privateKey, expires, passwordKey) }
    }

    /// Opens one session for several accounts under one password (an account's member key and
    /// its DID keys): the first key is rebuilt now, which checks the password; each other key
    /// is rebuilt when it first signs. The password is stretched once per distinct salt (the keys
    /// a registrar creates share their member key's), not once per key: an account holding
    /// thousands of DID keys logs in as fast as one holding none.
    /// - Parameters:
    ///   - keys: the accounts' usernames, the one to check the password with first.
    ///   - password: their password.
    /// - Throws: as ``unlock(_:password:)`` for the first key; `.keyNotFound` for a username
    ///   with no vault record. A later key that the password does not open fails when it signs.
    public func unlock(_ keys: [KeyReference], password: SecureBytes) async throws {
        guard let first = keys.first else { return }
        try await unlock(first, password: password)
        guard let login = lock.withLock({ sessions[first.id] }) else { return }
        var passwordKeys = [login.passwordKey]
        var pending: [String: (passwordKey: VaultPasswordKey, expires: Date)] = [:]
        for key in keys.dropFirst() {
            let record = try vault.record(username: key.id)
            let passwordKey: VaultPasswordKey
            if let known = passwordKeys.first(where: { $0.salt == record.salt && $0.parameters == record.parameters }) {
                passwordKey = known
            } else {
                passwordKey = VaultPasswordKey(key: try await VaultKeyDerivation.derivePasswordKey(password: password, salt: record.salt, parameters: record.parameters),
                                               salt: record.salt, parameters: record.parameters)
                passwordKeys.append(passwordKey)
            }
            pending[key.id] = (passwordKey, login.expires)
        }
        lock.withLock { deferred.merge(pending) { $1 } }
    }

    /// Ends the session of an account, wiping its key; does nothing if none is open.
    /// - Parameter key: the account's username.
    public func lock(_ key: KeyReference) {
        lock.withLock {
            _ = sessions.removeValue(forKey: key.id)
            _ = deferred.removeValue(forKey: key.id)
        }
    }

    /// The account's public key, from its public record; no session is needed.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown account; `.unsupportedKeyType`
    ///   for an SM2 account (read it with ``sm2PublicKey(for:)``).
    public func publicKey(for key: KeyReference) async throws -> Secp256k1PublicKey {
        try vault.publicKey(username: key.id)
    }

    /// Signs with the account's key, which must be unlocked.
    /// - Returns: a low-S ECDSA signature.
    /// - Throws: `KeyCustodyError.notUnlocked` when no session is open or it expired;
    ///   `.invalidInput` when the digest is not 32 bytes; `.unsupportedKeyType` for an SM2 key.
    public func sign(digest: [UInt8], with key: KeyReference) async throws -> Secp256k1ECDSASignature {
        let privateKey = try await sessionKey(key).secp256k1(key.id)
        do { return try privateKey.signature(forDigest: digest) }
        catch { throw KeyCustodyError(.invalidInput, "The vault cannot sign: \(error)") }
    }

    /// Generates one more key for the user whose key `existing` is unlocked, split under the
    /// password key that session kept (the same salt), so no password is needed now and the
    /// password alone still recovers it later; the new key is unlocked until `existing`'s
    /// session would end.
    /// - Parameters:
    ///   - key: the new key's reference, a username not yet in the vault.
    ///   - existing: an unlocked key of the same user.
    ///   - threshold: t.
    /// - Returns: the new public key.
    /// - Throws: `KeyCustodyError.notUnlocked` when `existing` is not unlocked; as
    ///   ``SplitVault/createAccount(username:passwordKey:keyType:threshold:nodes:)``.
    @discardableResult
    public func generateKey(_ key: KeyReference, sameLoginAs existing: KeyReference, threshold: Int? = nil) async throws -> Secp256k1PublicKey {
        _ = try await sessionKey(existing)
        guard let session = lock.withLock({ sessions[existing.id] }) else {
            throw KeyCustodyError(.notUnlocked, "The vault key \"\(existing.id)\" is not unlocked; unlock it with its password first.")
        }
        guard case .secp256k1(let publicKey) = try await vault.createAccount(username: key.id, passwordKey: session.passwordKey, keyType: .secp256k1,
                                                                        threshold: threshold) else {
            preconditionFailure("a secp256k1 dealing has secp256k1 commitments")
        }
        let privateKey = try await vault.recoverKey(username: key.id, passwordKey: session.passwordKey)
        lock.withLock { sessions[key.id] = (privateKey, session.expires, session.passwordKey) }
        return publicKey
    }

    /// The unlocked key of an open, unexpired session.
    /// - Throws: `KeyCustodyError.notUnlocked` when no session is open or it expired.
    func sessionKey(_ key: KeyReference) async throws -> CustodyPrivateKey {
        let now = clock()
        let found = try lock.withLock { () throws -> (key: CustodyPrivateKey?, pending: (passwordKey: VaultPasswordKey, expires: Date)?) in
            if let session = sessions[key.id] {
                guard now < session.expires else {
                    sessions[key.id] = nil
                    throw KeyCustodyError(.notUnlocked, "The vault session of \"\(key.id)\" expired; unlock it again.")
                }
                return (session.key, nil)
            }
            guard let pending = deferred[key.id] else {
                throw KeyCustodyError(.notUnlocked, "The vault key \"\(key.id)\" is not unlocked; unlock it with its password first.")
            }
            guard now < pending.expires else {
                deferred[key.id] = nil
                throw KeyCustodyError(.notUnlocked, "The vault session of \"\(key.id)\" expired; unlock it again.")
            }
            return (nil, pending)
        }
        if let privateKey = found.key { return privateKey }
        guard let pending = found.pending else { preconditionFailure("a session key or a deferred one was found") }
        // Rebuilt outside the lock (t share reads); two first uses at once both rebuild the same key.
        let privateKey = try await vault.recoverKey(username: key.id, passwordKey: pending.passwordKey)
        lock.withLock {
            if deferred.removeValue(forKey: key.id) != nil { sessions[key.id] = (privateKey, pending.expires, pending.passwordKey) }
        }
        return privateKey
    }
}
