import Foundation

/// A count shared by a benchmark's concurrent workers (progress, failures).
package final class BenchmarkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// A counter at zero.
    package init() {}

    /// Adds one.
    /// - Returns: the count after adding.
    @discardableResult
    package func increment() -> Int { lock.withLock { count += 1; return count } }

    /// The count now.
    package var value: Int { lock.withLock { count } }
}
