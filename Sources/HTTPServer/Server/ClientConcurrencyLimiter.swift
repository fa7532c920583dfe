import Node
import Primitives

/// Counts what each client holds (requests in progress, or open connections), refusing beyond
/// a limit, so that one client cannot hold every worker or connection while others wait.
final class ClientConcurrencyLimiter: @unchecked Sendable {
    private let limit: Int
    private let lock = AdaptiveLock()
    // Guarded by `lock`; entries are removed when they reach zero, so it holds active clients only.
    private var active: [String: Int] = [:]

    init(limit: Int) { self.limit = max(1, limit) }

    /// Takes a slot for `client`, or returns `false` when it already has `limit` in progress.
    func acquire(_ client: String) -> Bool {
        lock.withLock {
            let count = active[client, default: 0]
            guard count < limit else { return false }
            active[client] = count + 1
            return true
        }
    }

    /// Returns a slot taken by ``acquire(_:)``.
    func release(_ client: String) {
        lock.withLock {
            let count = active[client, default: 1] - 1
            active[client] = count > 0 ? count : nil
        }
    }
}
