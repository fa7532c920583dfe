import Node
import Dispatch

/// A task executor over one serial dispatch queue: the jobs of the tasks that prefer it run
/// there, one at a time, on a thread that is not one of the event loops.
// Unchecked: both members are immutable after init, and a dispatch queue is thread-safe.
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue
    private let key = DispatchSpecificKey<Bool>()

    init(label: String) {
        queue = DispatchQueue(label: label)
        queue.setSpecific(key: key, value: true)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Whether the calling thread is running this executor's queue.
    var isCurrent: Bool { DispatchQueue.getSpecific(key: key) == true }
}
