internal import Primitives

/// Hands out presentation challenges and accepts each one once: a presentation recorded by
/// an eavesdropper cannot be replayed.
public protocol ChallengeStore: Sendable {
    /// A fresh challenge, valid from `now` (ms) for the store's lifetime.
    func issue(now: Int64) throws -> String
    /// Consumes a challenge: the first call for a live challenge answers `.fresh`; every later
    /// call answers `.used`.
    func consume(_ challenge: String, now: Int64) throws -> ChallengeVerdict
}

extension ChallengeStore {
    /// A fresh 128-bit challenge in base64url that does not begin with `-`: a holder passes it
    /// on command lines (`--challenge C`), where a leading `-` would read as an option. Drawing
    /// again in that 1-in-64 case leaves 127.98 bits.
    public static func newChallengeText() -> String {
        while true {
            let challenge = Base64URL.encode(SecureRandom.bytes(count: 16))
            if challenge.first != "-" { return challenge }
        }
    }
}

/// What consuming a challenge found.
public enum ChallengeVerdict: String, Sendable, Hashable {
    /// Issued here, unexpired, not used before: accepted now and never again.
    case fresh
    /// Never issued by this verifier.
    case unknown
    /// Already answered once.
    case used
    /// Issued too long ago (or, by a clock since set back, "later" than now).
    case expired

    /// How far a challenge's issue time may lie ahead of the clock that judges it: a clock
    /// corrected by NTP steps a little; one set back further must not stretch the challenges it
    /// issued before (`specs/credentials.md`, clock faults).
    public static let clockTolerance: Int64 = 5_000

    /// The verdict on a live challenge issued at `issued`, judged at `now`: `fresh` within
    /// `lifetime` after its issue and no more than ``clockTolerance`` before it, else `expired`
    /// (the verifier asks for a fresh one).
    public static func judging(issued: Int64, now: Int64, lifetime: Int64) -> ChallengeVerdict {
        now >= issued - clockTolerance && now - issued <= lifetime ? .fresh : .expired
    }
}
