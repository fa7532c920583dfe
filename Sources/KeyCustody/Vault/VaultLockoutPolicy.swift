public import Foundation

/// How a vault node answers repeated wrong passwords for one account: a few free attempts,
/// then exponentially growing waits, reset by a success.
///
/// With the standard policy the fifth consecutive failure locks the account on that node for
/// one minute, the sixth for two, the seventh for four, and so on up to a day.
public struct VaultLockoutPolicy: Sendable, Hashable {
    /// Consecutive failures allowed before the first lock.
    public let maxConsecutiveFailures: Int
    /// The first lock's length, in seconds.
    public let baseDelay: TimeInterval
    /// The longest lock, in seconds.
    public let maxDelay: TimeInterval

    /// A custom policy; values outside the ranges below are a programming error and trap.
    /// - Parameters:
    ///   - maxConsecutiveFailures: failures before the first lock, at least 1.
    ///   - baseDelay: the first lock's length in seconds, positive.
    ///   - maxDelay: the cap on the lock's length in seconds, at least `baseDelay`.
    public init(maxConsecutiveFailures: Int = 5, baseDelay: TimeInterval = 60, maxDelay: TimeInterval = 86_400) {
        precondition(maxConsecutiveFailures >= 1 && baseDelay > 0 && maxDelay >= baseDelay, "invalid vault lockout policy")
        self.maxConsecutiveFailures = maxConsecutiveFailures
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Five failures, then one minute doubling per further failure, at most one day.
    public static let standard = VaultLockoutPolicy()

    /// When an account may be tried again after `failures` consecutive failures, the last one at
    /// `now`.
    /// - Parameters:
    ///   - failures: consecutive failures so far, including the last.
    ///   - now: the time of the last failure.
    /// - Returns: `nil` while below the limit; otherwise `now + min(base · 2^(failures − limit), max)`.
    public func lockedUntil(afterFailures failures: Int, at now: Date) -> Date? {
        guard failures >= maxConsecutiveFailures else { return nil }
        let doublings = min(failures - maxConsecutiveFailures, 40)
        return now.addingTimeInterval(min(baseDelay * pow(2, Double(doublings)), maxDelay))
    }
}
