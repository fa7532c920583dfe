import Foundation
import Primitives

/// What a ``SoftwareCustodian`` knows, behind a lock: calls may come from many tasks, and adding
/// a key must check the name, write the file and update memory as one step.
///
/// `NSLock` rather than `Synchronization.Mutex` because `Mutex` needs macOS 15 and the package
/// supports macOS 14. `@unchecked Sendable` because every access goes through `withLock`.
final class SoftwareCustodianState: @unchecked Sendable {
    struct Value {
        /// The file as last read or written, entries sealed.
        var keystore: Keystore
        /// The decrypted keys by entry name, in the wiped-on-release memory of `SecureBytes`.
        var keys: [String: Secp256k1PrivateKey]
        /// The file's bytes as last read or written, to notice another writer before replacing it.
        var fileContent: [UInt8]
    }

    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with exclusive access to the state.
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
