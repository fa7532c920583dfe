package import Foundation

/// Opens accounts' custodians for a long-running process (a node) and keeps them open: one
/// unlock per account at a time, and none for a while after a failure.
///
/// Unlocking a keystore runs Argon2id (256 MiB at the default cost): six concurrent first
/// requests for one account each running it took a node from 47 to 562 MiB, and every request
/// with a wrong password cost a full run. Here concurrent callers for an account wait for the
/// one unlock in progress and share its result; after it fails, further attempts are refused
/// with ``KeyCustodyError/Code/lockedOut`` (and the time left) without running Argon2id,
/// for a delay that doubles with each consecutive failure (``VaultLockoutPolicy``).
///
/// ```swift
/// let unlocker = CustodianUnlocker(clock: { Date() }) { name in try open(name) }
/// let (custodian, key) = try await unlocker.custody(of: "university")
/// ```
///
/// `Custody` is what an unlock yields: a custodian and the account's key reference, or a
/// caller's richer view of an opened account (the node keeps an account's DID keys beside it).
package actor CustodianUnlocker<Custody: Sendable> {
    /// A minute after the first failure, doubling up to a quarter of an hour, as a vault node
    /// starts. A node's secret comes from its environment, so a retry at once would only fail
    /// again; the operator restarts the node with the right one.
    package static var standardPolicy: VaultLockoutPolicy { VaultLockoutPolicy(maxConsecutiveFailures: 1, baseDelay: 60, maxDelay: 900) }

    private let clock: @Sendable () -> Date
    private let policy: VaultLockoutPolicy
    private let open: @Sendable (String) async throws -> Custody
    private var unlocked: [String: Custody] = [:]
    private var pending: [String: Task<Custody, any Error>] = [:]
    private var failures: [String: (count: Int, lockedUntil: Date)] = [:]

    /// Creates an unlocker.
    /// - Parameters:
    ///   - clock: the time failures are judged by.
    ///   - policy: how long to refuse after consecutive failures.
    ///   - open: unlocks an account's custodian (asks for its secret, runs the KDF or login).
    package init(clock: @escaping @Sendable () -> Date, policy: VaultLockoutPolicy = standardPolicy,
                 open: @escaping @Sendable (String) async throws -> Custody) {
        self.clock = clock
        self.policy = policy
        self.open = open
    }

    /// The account's open custodian: kept from an earlier unlock, shared with an unlock in
    /// progress, or unlocked now.
    /// - Parameter account: the account's name.
    /// - Returns: what `open` gave for the account.
    /// - Throws: what unlocking threw (shared by every caller waiting for it); `lockedOut`,
    ///   with ``KeyCustodyError/retryAfter``, while backing off after a failure.
    package func custody(of account: String) async throws -> Custody {
        try await custody(of: account, isCurrent: { _ in true })
    }

    /// The account's open custodian, as ``custody(of:)``, unlocked again when the one kept no
    /// longer describes the account (another process added a key to its keystore or vault).
    /// - Parameters:
    ///   - account: the account's name.
    ///   - isCurrent: whether a kept custodian still holds every key the account has.
    package func custody(of account: String, isCurrent: @Sendable (Custody) -> Bool) async throws -> Custody {
        if let custody = unlocked[account] {
            if isCurrent(custody) { return custody }
            unlocked[account] = nil
        }
        if let task = pending[account] { return try await task.value }
        let now = clock()
        if let failure = failures[account], now < failure.lockedUntil {
            let wait = failure.lockedUntil.timeIntervalSince(now)
            throw KeyCustodyError(.lockedOut, "Unlocking account '\(account)' failed \(failure.count) time(s) in a row; retry in \(Int(wait.rounded(.up))) s.",
                                  retryAfter: .milliseconds(Int64((wait * 1000).rounded(.up))))
        }
        let task = Task { [open] in try await open(account) }
        pending[account] = task
        defer { pending[account] = nil }
        do {
            let custody = try await task.value
            unlocked[account] = custody
            failures[account] = nil
            return custody
        } catch {
            let count = (failures[account]?.count ?? 0) + 1
            let failedAt = clock()
            failures[account] = (count, policy.lockedUntil(afterFailures: count, at: failedAt) ?? failedAt)
            throw error
        }
    }
}
