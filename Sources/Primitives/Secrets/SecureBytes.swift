internal import CSodium

/// Secret bytes (private keys, seeds, shares) held in memory that is wiped when the last
/// reference goes away, and that never appear in `description` or `debugDescription`.
///
/// A class rather than an array so that copies share one buffer and the wipe in `deinit`
/// reaches the only copy; Swift arrays may be copied silently and cannot be wiped reliably.
public final class SecureBytes: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    // Safe to share: the buffer is written only in `init` and wiped only in `deinit`.
    private let buffer: UnsafeMutableRawBufferPointer

    /// Copies `bytes` into wiped-on-release memory.
    /// - Parameter bytes: the secret; the caller should wipe its own copy where it can.
    public init(_ bytes: some Collection<UInt8>) {
        buffer = .allocate(byteCount: Swift.max(bytes.count, 1), alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        _ = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<bytes.count]).initializeMemory(as: UInt8.self, from: bytes)
        count = bytes.count
    }

    /// Allocates `count` bytes and lets `fill` write them (for C functions that produce secrets).
    /// - Throws: whatever `fill` throws; the buffer is wiped in that case too.
    package init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        buffer = .allocate(byteCount: Swift.max(count, 1), alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        self.count = count
        try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// The number of secret bytes.
    public let count: Int

    /// Lends the bytes to `body` without copying them into an array.
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
    }

    /// A copy of the secret as an array.
    /// - Warning: the array is not wiped when released; use only to hand the secret to an
    ///   export format that the user asked for.
    package var unsafeArray: [UInt8] { withUnsafeBytes { Array($0) } }

    deinit {
        sodium_memzero(buffer.baseAddress, buffer.count)
        buffer.deallocate()
    }

    public var description: String { "SecureBytes(\(count) bytes, redacted)" }
    public var debugDescription: String { description }
}

extension SecureBytes: Equatable {
    /// Constant-time comparison, so timing does not reveal how many leading bytes match.
    public static func == (lhs: SecureBytes, rhs: SecureBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBytes { a in
            rhs.withUnsafeBytes { b in sodium_memcmp(a.baseAddress, b.baseAddress, a.count) == 0 }
        }
    }
}
