import Foundation

/// Runs work with a time limit that holds even when the work ignores cancellation: the caller
/// gets the refusal at the deadline, and the work is cancelled and left to finish on its own.
enum Deadline {
    /// Runs `operation`, throwing `HTTPServerError` 503 if it has not finished within `timeout`.
    static func run<T: Sendable>(within timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let work = Task { try await operation() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let once = ResumeOnce(continuation)
                let timer = Task {
                    try await Task.sleep(for: timeout)
                    if once.resume(with: .failure(HTTPServerError(.unavailable,
                        "The request took longer than \(timeout) to answer; try again later."))) {
                        work.cancel()
                    }
                }
                Task {
                    let result = await work.result
                    timer.cancel()
                    once.resume(with: result)
                }
            }
        } onCancel: {
            work.cancel()
        }
    }

    /// Resumes a continuation at most once, from whichever side finishes first.
    private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        // Guarded by `lock`; set to nil once resumed.
        private var continuation: CheckedContinuation<T, any Error>?

        init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

        @discardableResult
        func resume(with result: Result<T, any Error>) -> Bool {
            guard let continuation = lock.withLock({ () -> CheckedContinuation<T, any Error>? in
                defer { self.continuation = nil }
                return self.continuation
            }) else { return false }
            continuation.resume(with: result)
            return true
        }
    }
}
