import Foundation
internal import Primitives

/// A ``ChallengeStore`` in memory, as a running node keeps it: challenges live for
/// ``lifetime`` and are forgotten on restart (so a restart can only refuse, never replay).
///
/// The store is bounded (`specs/credentials.md`, "Challenges"): it holds at most
/// ``maximumLive`` unanswered challenges. When it is full, expired challenges are forgotten
/// first, then answered ones (a replay of those is then refused as unknown rather than as
/// used); if every place is still held by a live challenge, ``issue(now:)`` refuses.
public final class InMemoryChallengeStore: ChallengeStore, @unchecked Sendable {
    /// How long a challenge may be answered, in ms.
    public let lifetime: Int64
    /// The most challenges held at once (unanswered, plus answered ones while there is room).
    public let maximumLive: Int
    private let lock = NSLock()
    // Guarded by `lock`.
    private var issued: [String: Int64] = [:]
    private var used: [String: Int64] = [:]
    private var lastPrune = Int64.min

    /// Creates a store.
    /// - Parameters:
    ///   - lifetime: how long a challenge may be answered, in ms (default 5 minutes).
    ///   - maximumLive: the most challenges held at once (default 10,000).
    public init(lifetime: Int64 = 300_000, maximumLive: Int = 10_000) {
        self.lifetime = lifetime
        self.maximumLive = max(1, maximumLive)
    }

    /// A fresh 128-bit challenge in base64url.
    /// - Parameter now: the time of issue, in ms.
    /// - Returns: the challenge.
    /// - Throws: `CredentialsError.tooManyChallenges` when ``maximumLive`` unexpired challenges
    ///   are waiting for an answer.
    public func issue(now: Int64) throws -> String {
        let challenge = Self.newChallengeText()
        try lock.withLock {
            if issued.count + used.count >= maximumLive { makeRoom(now: now) }
            guard issued.count + used.count < maximumLive else {
                throw CredentialsError(.tooManyChallenges,
                    "\(maximumLive) challenges are waiting for an answer; ask again when some are answered or expire.")
            }
            issued[challenge] = now
        }
        return challenge
    }

    /// Consumes a challenge (see ``ChallengeStore/consume(_:now:)``).
    public func consume(_ challenge: String, now: Int64) -> ChallengeVerdict {
        lock.withLock {
            if used[challenge] != nil { return .used }
            guard let time = issued.removeValue(forKey: challenge) else { return .unknown }
            guard ChallengeVerdict.judging(issued: time, now: now, lifetime: lifetime) == .fresh else { return .expired }
            used[challenge] = time
            return .fresh
        }
    }

    /// The challenges held: unanswered, and answered ones remembered to name a replay.
    public var count: Int { lock.withLock { issued.count + used.count } }

    /// Forgets expired challenges, then answered ones. Called with `lock` held, only when full;
    /// the expiry sweep runs at most once a second of issue time, so a full store refuses a
    /// flood of requests without scanning itself for each.
    private func makeRoom(now: Int64) {
        if now >= lastPrune &+ 1_000 || now < lastPrune {
            lastPrune = now
            issued = issued.filter { now - $0.value <= lifetime }
            used = used.filter { now - $0.value <= lifetime }
        }
        if issued.count + used.count >= maximumLive { used.removeAll() }
    }
}
