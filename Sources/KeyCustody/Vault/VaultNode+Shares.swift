public import Foundation
public import Primitives

extension VaultNode: VaultShareHolder {
    /// Seals and stores the share of a new account (the node's side of account creation).
    /// - Parameters:
    ///   - share: this node's share.
    ///   - account: the account name.
    ///   - userAuthKey: the 32-byte key the user derives for this node from the password.
    /// - Throws: `KeyCustodyError.invalidInput` when the node already holds a share for the
    ///   account or the key is not 32 bytes; `.backendUnavailable` when the file cannot be written.
    public func storeShare(_ share: ShamirShare, account: String, userAuthKey: SecureBytes) throws {
        guard userAuthKey.count == 32 else { throw KeyCustodyError(.invalidInput, "A vault user auth key is 32 bytes.") }
        try lock.withLock {
            guard !VaultFiles.exists(sharePath(account: account)) else {
                throw KeyCustodyError(.invalidInput, "Vault node \(nodeID) already holds a share for account \"\(account)\".")
            }
            let key = VaultKeyDerivation.shareKey(nodeSecret: secret, account: account, userAuthKey: userAuthKey)
            let sealed = try share.rawRepresentation.withUnsafeBytes {
                try XChaCha20Poly1305.seal($0, key: key, associatedData: VaultShareFile.associatedData(account: account, index: share.index))
            }
            try saveShareFile(VaultShareFile(account: account, index: share.index, sealedShare: sealed))
        }
    }

    /// Returns the account's share if `userAuthKey` opens it, counting failures.
    ///
    /// The attempt is counted (and the lock set, if due) and saved *before* decryption is tried,
    /// so stopping the process mid-attempt cannot give a free guess; a success resets both.
    /// - Throws: `KeyCustodyError.lockedOut` with the retry time while the account is locked on
    ///   this node; `.authenticationFailed` for a wrong key; `.keyNotFound`,
    ///   `.backendUnavailable` or `.backendFailure` as ``loadShareFile(account:)``.
    public func fetchShare(account: String, userAuthKey: SecureBytes) throws -> ShamirShare {
        try lock.withLock {
            let now = clock()
            var file = try loadShareFile(account: account)
            if let until = file.lockedUntil, now.timeIntervalSince1970 < Double(until) {
                throw KeyCustodyError(.lockedOut, "Vault node \(nodeID) has locked account \"\(account)\" after "
                    + "\(file.failedAttempts) failed attempts; retry after \(Self.format(until)).")
            }
            file.failedAttempts += 1
            file.lockedUntil = lockout.lockedUntil(afterFailures: file.failedAttempts, at: now)
                .map { Int($0.timeIntervalSince1970.rounded(.up)) }
            try saveShareFile(file)
            let key = VaultKeyDerivation.shareKey(nodeSecret: secret, account: account, userAuthKey: userAuthKey)
            guard let opened = try? XChaCha20Poly1305.open(file.sealedShare, key: key, associatedData: file.associatedData) else {
                let left = lockout.maxConsecutiveFailures - file.failedAttempts
                throw KeyCustodyError(.authenticationFailed, "Vault node \(nodeID) refused the password for account \"\(account)\"; "
                    + (file.lockedUntil.map { "it is locked until \(Self.format($0))." } ?? "\(left) attempts remain before it locks."))
            }
            let share = try decodeShare(opened, file: file)
            file.failedAttempts = 0
            file.lockedUntil = nil
            try saveShareFile(file)
            return share
        }
    }

    /// Removes the account's share, if any (rolling back a failed account creation).
    /// - Throws: `KeyCustodyError.backendUnavailable` when the file cannot be removed.
    public func deleteShare(account: String) throws {
        try lock.withLock { try VaultFiles.remove(sharePath(account: account)) }
    }

    /// The failed-attempt counter of an account on this node, and its lock if it holds now.
    /// - Throws: as ``loadShareFile(account:)``.
    public func attempts(account: String) throws -> VaultAttempts {
        let (file, now) = try lock.withLock { (try loadShareFile(account: account), clock()) }
        let until = file.lockedUntil.map { Date(timeIntervalSince1970: Double($0)) }
        return VaultAttempts(failed: file.failedAttempts, maximum: lockout.maxConsecutiveFailures,
                             lockedUntil: until.flatMap { $0 > now ? $0 : nil }, checkedAt: now)
    }

    private func decodeShare(_ plaintext: [UInt8], file: VaultShareFile) throws -> ShamirShare {
        guard let share = try? ShamirShare(rawRepresentation: SecureBytes(plaintext)), share.index == file.index else {
            throw KeyCustodyError(.backendFailure, "Vault node \(nodeID) holds a malformed share for account \"\(file.account)\".")
        }
        return share
    }

    private static func format(_ unixSeconds: Int) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(unixSeconds)))
    }
}
