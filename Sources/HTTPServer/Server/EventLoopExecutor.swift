import NIOCore
import NIOPosix

/// Where the node's Swift tasks run.
///
/// By default a request is read on a SwiftNIO event-loop thread and its handler runs on Swift
/// Concurrency's own thread pool, so every request crosses threads twice. A node does nothing
/// else with its cores, so it gives the pool's work to the event loops instead: the handler
/// runs on the thread that read the request, without the hand-offs.
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
