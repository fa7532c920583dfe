import Foundation
import Testing
@testable import Primitives

struct AdaptiveLockTests {
    /// A counter that is not atomic: only the lock keeps increments from being lost.
    private final class Counter: @unchecked Sendable {
        var value = 0
    }

    private struct Refused: Error {}

    @Test("increments from four threads under the lock are never lost")
    func excludesConcurrentSections() {
        let lock = AdaptiveLock()
        let counter = Counter()
        let (threads, increments) = (4, 100_000)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            for _ in 0..<increments {
                // Read and write apart, so an unguarded race would lose updates often.
                lock.withLock {
                    let seen = counter.value
                    counter.value = seen &+ 1
                }
            }
        }
        #expect(counter.value == threads * increments)
    }

    @Test("a section that throws releases the lock and passes the error on")
    func releasesOnThrow() throws {
        let lock = AdaptiveLock()
        #expect(throws: Refused.self) { try lock.withLock { throw Refused() } }
        // Held still, this would deadlock rather than return.
        #expect(lock.withLock { 42 } == 42)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            lock.withLock {}
            finished.signal()
        }
        #expect(finished.wait(timeout: .now() + 30) == .success)
    }
}
