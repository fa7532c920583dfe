import Node
import Foundation

/// Answers a request at its deadline even if its work goes on: the work runs in its own task,
/// and the caller is resumed by whichever comes first, the work's result or the deadline.
///
/// One task per request and one shared sweeper for every deadline (rather than a sleeping
/// timer task per request), because verification requests arrive tens of thousands a second.
enum Deadline {
    static func run<T: Sendable>(within timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let due = ContinuousClock.now + timeout
        let box = WorkBox()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let once = ResumeOnce(continuation)
                let ticket = DeadlineSweeper.shared.add(due) {
                    if once.resume(with: .failure(HTTPServerError(.unavailable,
                        "The request took longer than \(timeout) to answer; try again later."))) {
                        box.cancel()
                    }
                }
                box.set(Task {
                    let result = await Result(catching: { try await operation() })
                    DeadlineSweeper.shared.remove(ticket)
                    once.resume(with: result)
                })
            }
        } onCancel: {
            box.cancel()
        }
    }

    /// The work task, settable after the sweeper entry that may cancel it exists.
    private final class WorkBox: @unchecked Sendable {
        private let lock = NSLock()
        private var task: Task<Void, Never>?
        private var cancelled = false

        func set(_ task: Task<Void, Never>) {
            let cancelNow = lock.withLock { self.task = task; return cancelled }
            if cancelNow { task.cancel() }
        }

        func cancel() {
            let task = lock.withLock { cancelled = true; return self.task }
            task?.cancel()
        }
    }

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

extension Result where Failure == any Error {
    /// The outcome of async throwing work.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}

/// Every pending deadline, checked every 20 ms by one background task.
final class DeadlineSweeper: @unchecked Sendable {
    static let shared = DeadlineSweeper()
    private let lock = NSLock()
    private var next = 0
    private var entries: [Int: (due: ContinuousClock.Instant, expire: @Sendable () -> Void)] = [:]
    private var started = false

    /// Registers an action for `due`; returns the ticket that removes it.
    func add(_ due: ContinuousClock.Instant, _ expire: @escaping @Sendable () -> Void) -> Int {
        let (ticket, start) = lock.withLock { () -> (Int, Bool) in
            next += 1
            entries[next] = (due, expire)
            defer { started = true }
            return (next, !started)
        }
        if start { Task.detached { await self.sweep() } }
        return ticket
    }

    func remove(_ ticket: Int) { lock.withLock { _ = entries.removeValue(forKey: ticket) } }

    private func sweep() async {
        while true {
            try? await Task.sleep(for: .milliseconds(20))
            let now = ContinuousClock.now
            let expired = lock.withLock { () -> [@Sendable () -> Void] in
                let due = entries.filter { $0.value.due <= now }
                for key in due.keys { entries.removeValue(forKey: key) }
                return due.map(\.value.expire)
            }
            for expire in expired { expire() }
        }
    }
}
