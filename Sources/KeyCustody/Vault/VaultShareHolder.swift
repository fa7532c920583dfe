public import Foundation
public import Primitives

/// What the coordinator (``SplitVault``) asks of one vault node: the same four operations
/// whether the node is a directory of this process (``VaultNode``) or a host reached over
/// HTTP (``RemoteVaultNode``, `specs/custody-vault.md` §9).
public protocol VaultShareHolder: Sendable {
    /// The node's public name (``VaultNode/nodeID``); account records refer to holders by it.
    var nodeID: String { get }

    /// Seals and stores the share of a new account.
    /// - Throws: `KeyCustodyError`, as ``VaultNode`` documents for its local store.
    func storeShare(_ share: ShamirShare, account: String, userAuthKey: SecureBytes) async throws

    /// Returns the account's share if `userAuthKey` opens it, counting failures on the node.
    /// - Throws: `KeyCustodyError` (`.authenticationFailed`, `.lockedOut`, `.keyNotFound`,
    ///   `.backendUnavailable`, `.backendFailure`).
    func fetchShare(account: String, userAuthKey: SecureBytes) async throws -> ShamirShare

    /// Removes the account's share, if any.
    /// - Throws: `KeyCustodyError.backendUnavailable` when it cannot be removed.
    func deleteShare(account: String) async throws

    /// The node's failed-attempt counter and lock for an account, as the node sees them now.
    /// - Throws: `KeyCustodyError`, as ``fetchShare(account:userAuthKey:)`` apart from the password.
    func attempts(account: String) async throws -> VaultAttempts
}

/// One node's failed-attempt state for one account, read by the node against its own clock.
public struct VaultAttempts: Sendable, Equatable {
    /// Consecutive failed attempts since the last success.
    public let failed: Int
    /// How many consecutive failures the node's policy allows before it locks.
    public let maximum: Int
    /// Until when the node refuses the account, if it is locked now.
    public let lockedUntil: Date?
    /// The node's clock when it answered (a lock is relative to it).
    public let checkedAt: Date

    /// Failed attempts, the policy's maximum, the lock if any, and when this was read.
    public init(failed: Int, maximum: Int, lockedUntil: Date?, checkedAt: Date) {
        self.failed = failed
        self.maximum = maximum
        self.lockedUntil = lockedUntil
        self.checkedAt = checkedAt
    }
}
