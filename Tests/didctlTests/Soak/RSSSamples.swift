import Foundation

/// RSS samples of the node, by time; thread-safe.
final class RSSSamples: @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [(time: Double, mib: Double)] = []
    func add(_ time: Double, _ mib: Double) { lock.withLock { samples.append((time, mib)) } }
    /// The first sample at or after `time` (the last one when none is).
    func first(after time: Double) -> Double { lock.withLock { (samples.first { $0.time >= time } ?? samples.last)?.mib ?? 0 } }
}
