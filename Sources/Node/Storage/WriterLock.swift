package import Foundation

/// One writer per data directory: a running node and a command that submits transactions
/// would otherwise both build the next block, and the second to commit would find its height
/// taken (the ledger stays intact, but that node could commit nothing more until restarted).
///
/// The lock is an exclusive `flock` on `writer.lock` in the data directory, taken by every
/// command that writes to the chain and held until the process exits; the kernel drops it
/// when the process ends, however it ends, so it never goes stale. Commands that only read
/// (verification, listings) take no lock and run beside a node.
package enum WriterLock {
    private static let lock = NSLock()
    // Guarded by `lock`: descriptors held for the life of the process, by directory path.
    nonisolated(unsafe) private static var held: [String: Int32] = [:]

    /// Takes the directory's writer lock for this process, or fails at once naming why.
    /// Taking it again in the same process does nothing.
    package static func acquire(in directory: URL) throws {
        let path = directory.appendingPathComponent("writer.lock").path
        try lock.withLock {
            guard held[path] == nil else { return }
            let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw NodeError("Cannot open \(path) to lock the data directory: \(String(cString: strerror(errno))).")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                close(descriptor)
                throw NodeError(busy
                    ? "Another didctl process is writing to \(directory.path) (a running 'didctl node start', or another command). "
                        + "While a node runs, send writes through it with --node URL (did create, did update, did deactivate); "
                        + "otherwise wait for the other command and retry. Reading commands such as 'credential verify' still run beside it."
                    : "Cannot lock \(path): \(String(cString: strerror(errno))).")
            }
            held[path] = descriptor
        }
    }
}
