internal import Foundation
import Primitives

/// The challenge store of a verifier with no data directory (`didctl presentation verify`
/// without a chain): the caller issued the challenge itself, elsewhere, and passes it in. Only
/// that challenge is accepted, once per store; remembering that it was answered across runs is
/// the caller's part, since nothing here outlives the process.
public final class CallerChallengeStore: ChallengeStore, @unchecked Sendable {
    private let expected: String
    private let lock = NSLock()
    private var answered = false

    /// A store that accepts `expected` once.
    public init(expected: String) { self.expected = expected }

    /// Refused: this store only checks the challenge its caller issued.
    /// - Throws: `CredentialsError.invalidPresentation`, always.
    public func issue(now: Int64) throws -> String {
        throw CredentialsError.invalidPresentation("A caller's challenge store issues no challenges; the caller brings its own.")
    }

    /// `.fresh` the first time for the expected challenge, `.used` afterwards, `.unknown` for
    /// any other.
    public func consume(_ challenge: String, now: Int64) throws -> ChallengeVerdict {
        guard challenge == expected else { return .unknown }
        return lock.withLock {
            defer { answered = true }
            return answered ? .used : .fresh
        }
    }
}
