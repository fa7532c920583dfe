/// How far the time a requester signed may be from the clock that judges the request: the same
/// five minutes for one-time key requests, audit queries and committee reads, so a signed request
/// cannot be replayed long after and a requester's clock may be a little off.
package enum ClockSkew {
    /// Five minutes, in milliseconds.
    package static let maximumMilliseconds: UInt64 = 5 * 60 * 1000

    /// Whether `time` is within ``maximumMilliseconds`` of `now`, either side.
    package static func isAcceptable(_ time: UInt64, at now: UInt64) -> Bool {
        (time > now ? time - now : now - time) <= maximumMilliseconds
    }
}
