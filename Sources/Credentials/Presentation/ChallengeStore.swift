/// Hands out presentation challenges and accepts each one once: a presentation recorded by
/// an eavesdropper cannot be replayed.
public protocol ChallengeStore: Sendable {
    /// A fresh challenge, valid from `now` (ms) for the store's lifetime.
    func issue(now: Int64) throws -> String
    /// Consumes a challenge: the first call for a live challenge answers `.fresh`; every later
    /// call answers `.used`.
    func consume(_ challenge: String, now: Int64) throws -> ChallengeVerdict
}

/// What consuming a challenge found.
public enum ChallengeVerdict: String, Sendable, Hashable {
    /// Issued here, unexpired, not used before: accepted now and never again.
    case fresh
    /// Never issued by this verifier.
    case unknown
    /// Already answered once.
    case used
    /// Issued too long ago.
    case expired
}
