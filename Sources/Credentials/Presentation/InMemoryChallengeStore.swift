import Foundation
internal import Primitives

/// A ``ChallengeStore`` in memory, as a running node keeps it: challenges live for
/// ``lifetime`` and are forgotten on restart (so a restart can only refuse, never replay).
public final class InMemoryChallengeStore: ChallengeStore, @unchecked Sendable {
    /// How long a challenge may be answered, in ms.
    public let lifetime: Int64
    private let lock = NSLock()
    private var issued: [String: Int64] = [:]
    private var used: [String: Int64] = [:]

    /// Creates a store.
    /// - Parameter lifetime: how long a challenge may be answered, in ms (default 5 minutes).
    public init(lifetime: Int64 = 300_000) { self.lifetime = lifetime }

    /// A fresh 128-bit challenge in base64url.
    public func issue(now: Int64) -> String {
        let challenge = Base64URL.encode(SecureRandom.bytes(count: 16))
        lock.withLock {
            prune(now: now)
            issued[challenge] = now
        }
        return challenge
    }

    /// Consumes a challenge (see ``ChallengeStore/consume(_:now:)``).
    public func consume(_ challenge: String, now: Int64) -> ChallengeVerdict {
        lock.withLock {
            if used[challenge] != nil { return .used }
            guard let time = issued.removeValue(forKey: challenge) else { return .unknown }
            guard now - time <= lifetime else { return .expired }
            used[challenge] = time
            return .fresh
        }
    }

    /// Forgets challenges past their lifetime, so memory stays bounded by the issue rate.
    private func prune(now: Int64) {
        guard issued.count + used.count > 10_000 else { return }
        issued = issued.filter { now - $0.value <= lifetime }
        used = used.filter { now - $0.value <= lifetime }
    }
}
