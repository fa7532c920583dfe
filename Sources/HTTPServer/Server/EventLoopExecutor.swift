import Node
import NIOCore
import NIOPosix

/// Where the node's Swift tasks run.
///
/// By default a request is read on a SwiftNIO event-loop thread and its handler runs on Swift
/// Concurrency's own thread pool, so every request crosses threads twice. A node does nothing
/// else with its cores, so it gives the pool's work to the event loops instead: the handler
/// runs on the thread that read the request, without the hand-offs.
///
/// SwiftNIO runs each job as if isolated to its loop, so a call into nonisolated async code
/// compiled without SE-0461 (Hummingbird's, SwiftNIO's) re-enqueues the task on the loop. A
/// hook that ran the jobs on the generic executor instead was measured twice (sessions 4 and
/// 6): 11% fewer instructions per request under 32 connections, yet 15–25% fewer requests
/// per second and more CPU time per request, most of it in reference counting (README).
public enum EventLoopExecutor {
    /// Makes the event-loop threads Swift Concurrency's global executor.
    ///
    /// Call it once, from the main thread, before any task has started; afterwards it has no
    /// effect. Blocking work must then stay off tasks (the chain and storage use their own
    /// dispatch queues).
    /// - Returns: whether the event loops now run the tasks.
    @discardableResult
    public static func install() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
