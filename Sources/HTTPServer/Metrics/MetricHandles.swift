import Primitives

/// swift-metrics handles kept by series, made on first use: the request path updates a counter
/// and a timer it already holds instead of asking the backend for them each time.
final class MetricHandles<Key: Hashable & Sendable, Handles>: @unchecked Sendable {
    private let lock = AdaptiveLock()
    // Guarded by `lock`. The handles are Sendable swift-metrics classes (or tuples of them).
    private var handles: [Key: Handles] = [:]

    /// The handles of `key`, made by `make` the first time.
    /// - Parameters:
    ///   - key: the series.
    ///   - make: creates the handles; runs outside the lock, and at most one result is kept
    ///     when two threads race (the backend returns the same series for both).
    func handles(for key: Key, make: () -> Handles) -> Handles {
        if let found = lock.withLock({ handles[key] }) { return found }
        let made = make()
        return lock.withLock {
            if let found = handles[key] { return found }
            handles[key] = made
            return made
        }
    }
}
