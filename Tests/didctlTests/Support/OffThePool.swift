import Foundation

/// Runs blocking work (processes waited for, `concurrentPerform`) on a thread of its own, so a
/// test that waits minutes for subprocesses does not hold one of Swift's few cooperative threads,
/// which in-process servers of other tests running beside it need.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
