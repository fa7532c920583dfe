import Foundation

/// A vault node's memory of the requests it accepted (`specs/custody-vault.md` §9.3): a request
/// is taken once, only within `window` of the node's clock, and never if it was issued before
/// the node started (the memory does not survive a restart, so neither may older requests).
/// The memory holds at most `capacity` nonces; when full of unexpired ones, requests are
/// refused as overload rather than forgotten early.
final class VaultReplayGuard: @unchecked Sendable {
    // @unchecked: `seen` is only touched under `lock`.
    let window: TimeInterval
    let capacity: Int
    let startedAt: Date
    private var seen: [[UInt8]: Date] = [:]
    private let lock = NSLock()

    init(window: TimeInterval, capacity: Int, startedAt: Date) {
        self.window = window
        self.capacity = capacity
        self.startedAt = startedAt
    }

    /// Records `nonce`, or refuses the request.
    /// - Throws: `KeyCustodyError.replayed` for a nonce already seen, a request issued before
    ///   the node started or outside the window; `.backendUnavailable` when the memory is full.
    func admit(nonce: [UInt8], issuedAt: Date, now: Date) throws {
        guard abs(issuedAt.timeIntervalSince(now)) <= window else {
            throw KeyCustodyError(.replayed, "The vault request was issued at \(issuedAt), more than \(Int(window)) s from this node's clock (\(now)); check both clocks.")
        }
        guard issuedAt >= startedAt else {
            throw KeyCustodyError(.replayed, "The vault request was issued before this vault node started; send a new one.")
        }
        try lock.withLock {
            guard seen[nonce] == nil else {
                throw KeyCustodyError(.replayed, "The vault request was already received once (same nonce); a replay is refused.")
            }
            if seen.count >= capacity { seen = seen.filter { $0.value > now } }
            guard seen.count < capacity else {
                throw KeyCustodyError(.backendUnavailable, "The vault node is taking more than \(capacity) requests per \(Int(2 * window)) s; retry later.",
                                      retryAfter: .seconds(1))
            }
            // Kept until it could no longer pass the window check.
            seen[nonce] = issuedAt.addingTimeInterval(window)
        }
    }

    /// How many nonces are remembered now (for tests of the bound).
    var count: Int { lock.withLock { seen.count } }
}
