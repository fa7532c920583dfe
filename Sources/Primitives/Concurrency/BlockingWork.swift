import Dispatch

/// Work that holds its thread for a noticeable time (Argon2id, a PKCS#11 login, opening a
/// run of audit envelopes). On a node, tasks run on the HTTP event loops
/// (`EventLoopExecutor`), which must not stall while it does, so it runs on a dispatch thread
/// and the task waits without holding its own. In `Primitives` so that the key custody layer
/// (the vault's Argon2id) and the node share it.
package enum BlockingWork {
    /// Runs `work` on a dispatch thread and returns its result.
    package static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result(catching: work)) }
        }
    }
}
