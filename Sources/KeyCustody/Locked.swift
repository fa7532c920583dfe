import Foundation

/// A value guarded by a lock, for the little mutable state custodians keep (the HSM link's
/// session pool, key cache and login records; a software custodian's keystore and keys).
///
/// `NSLock` rather than `Synchronization.Mutex` because `Mutex` needs macOS 15 and the package
/// supports macOS 14. Marked `@unchecked Sendable` because every access to `value` goes
/// through `withLock`.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the value.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
