import Dispatch
import Foundation

/// A gate that blocks the calling thread, as CPU-bound verification would hold it: `hold()`
/// waits until `open()` (or a long timeout, recorded so a test can tell it failed), then lets
/// the next holder through too.
final class ThreadGate: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var holders = 0
    private var expired = false

    /// How many callers reached the gate.
    var held: Int { lock.withLock { holders } }
    /// Whether a holder gave up waiting: the test never opened the gate in time.
    var timedOut: Bool { lock.withLock { expired } }

    /// Blocks the calling thread until the gate opens.
    func hold() {
        lock.withLock { holders += 1 }
        if semaphore.wait(timeout: .now() + 20) == .timedOut { lock.withLock { expired = true } }
        semaphore.signal()
    }

    /// Opens the gate for every holder, present and future.
    func open() { semaphore.signal() }
}
