#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutual-exclusion lock for critical sections of a few hundred nanoseconds (a cache lookup,
/// a counter), taken on every request by threads that each own a core.
///
/// `NSLock` is a plain pthread mutex: a thread that finds it held sleeps in the kernel at once
/// and the holder pays a system call to wake it, although the section would have ended in less
/// time than either takes. Under the verification load the shared caches and metrics were taken
/// ten times per request by both event loops, and those sleeps and wake-ups were measured at
/// one every five requests. This lock (glibc's adaptive mutex) spins briefly before sleeping,
/// so a waiter almost always gets the lock without entering the kernel, and still sleeps when
/// the holder has been descheduled. Elsewhere it is a plain mutex.
package final class AdaptiveLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// Creates an unlocked lock.
    package init() {
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        #if canImport(Glibc)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
        let status = pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
        precondition(status == 0, "pthread_mutex_init failed with \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the lock held.
    /// - Parameter body: the critical section; it must not suspend or take this lock again.
    /// - Returns: what `body` returns.
    @inlinable
    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    @usableFromInline
    func lock() {
        let status = pthread_mutex_lock(mutex)
        precondition(status == 0, "pthread_mutex_lock failed with \(status)")
    }

    @usableFromInline
    func unlock() {
        let status = pthread_mutex_unlock(mutex)
        precondition(status == 0, "pthread_mutex_unlock failed with \(status)")
    }
}
