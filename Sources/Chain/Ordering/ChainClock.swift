import Foundation

/// The source of block times, passed in so that no chain logic reads the clock itself.
public protocol ChainClock: Sendable {
    /// Milliseconds since 1970.
    func nowMilliseconds() -> UInt64
}

/// Wall-clock time.
public struct SystemClock: ChainClock {
    /// Creates the system clock.
    public init() {}
    public func nowMilliseconds() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }
}

/// A clock that returns a settable time, for tests of epochs and time-dependent rules.
public final class ManualClock: ChainClock, @unchecked Sendable {
    private let lock = NSLock()
    private var now: UInt64

    /// Creates a clock at `time` milliseconds since 1970.
    public init(_ time: UInt64) { now = time }

    public func nowMilliseconds() -> UInt64 { lock.withLock { now } }

    /// Moves the clock forward.
    public func advance(milliseconds: UInt64) { lock.withLock { now += milliseconds } }

    /// Sets the time, backwards as well as forwards: a clock fault.
    public func set(_ milliseconds: UInt64) { lock.withLock { now = milliseconds } }
}
