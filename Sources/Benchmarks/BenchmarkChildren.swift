import Dispatch
package import Foundation

/// The processes a benchmark started and has not stopped yet (etcd members, consortium nodes),
/// by pid. A benchmark stops them from a `defer`, but a `defer` does not run when SIGTERM or
/// SIGINT ends the process: ``stopOnSignals()`` makes those signals kill what is registered
/// first. (Ctrl-C in a terminal reaches the whole process group anyway; `timeout`, `kill` and a
/// supervisor signal only the benchmark.)
package enum BenchmarkChildren {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var running: Set<Int32> = []
    nonisolated(unsafe) private static var directories: Set<URL> = []
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    /// Set by the signal handler: a process started after it is killed at once.
    nonisolated(unsafe) private static var terminating = false

    /// Records a process just started.
    package static func started(_ pid: Int32) {
        let late = lock.withLock {
            running.insert(pid)
            return terminating
        }
        // The benchmark went on starting processes while the handler ran.
        if late { kill(pid, SIGKILL) }
    }

    /// Records a process stopped (or reaped).
    package static func ended(_ pid: Int32) { _ = lock.withLock { running.remove(pid) } }

    /// Records a temporary directory the benchmark removes when it ends, to be removed on a
    /// signal too (after the processes writing into it are killed); `removed` forgets it.
    package static func temporary(_ url: URL, removed: Bool = false) {
        lock.withLock {
            if removed { directories.remove(url) } else { directories.insert(url) }
        }
    }

    /// When a signal's handler is ending the process, waits for it (at most 10 s): the
    /// benchmark fails as soon as its children are killed, and its own failure must not end the
    /// process first with another status than 128 + the signal. Returns at once otherwise.
    package static func yieldToSignalHandler() async {
        guard lock.withLock({ terminating }) else { return }
        try? await Task.sleep(for: .seconds(10))
    }

    /// The pids recorded now.
    package static var pids: Set<Int32> { lock.withLock { running } }

    /// From now on, SIGINT and SIGTERM SIGKILL every recorded process, remove the recorded
    /// temporary directories, then end this one with status 128 + the signal. Idempotent.
    package static func stopOnSignals() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler {
                    let pids = lock.withLock {
                        terminating = true
                        return running
                    }
                    for pid in pids { kill(pid, SIGKILL) }
                    // No waiting: the benchmark's own thread would see its processes die and
                    // fail first. A killed process writes nothing more, and a process started
                    // meanwhile is killed as it registers.
                    for url in lock.withLock({ directories }) { try? FileManager.default.removeItem(at: url) }
                    exit(128 + signalNumber)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}
