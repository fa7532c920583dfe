internal import CSodium

/// The one-time libsodium set-up and the pointer glue shared by the wrappers in this folder.
enum Sodium {
    /// Touched at the start of every entry point: `sodium_init` selects CPU-specific code and
    /// seeds the random generator, and a `static let` runs it exactly once, thread-safely.
    static let initialized: Void = {
        precondition(sodium_init() >= 0, "libsodium could not be initialised")
    }()
}

// `SecureBytes` always lends a non-nil address (it allocates at least one byte), so these
// unwrap it for libsodium's non-null `unsigned char *` parameters.
extension UnsafeRawBufferPointer {
    /// The start address typed as libsodium's `const unsigned char *`.
    var bytePointer: UnsafePointer<UInt8> { baseAddress!.assumingMemoryBound(to: UInt8.self) }
}

extension UnsafeMutableRawBufferPointer {
    /// The start address typed as libsodium's `unsigned char *`.
    var bytePointer: UnsafeMutablePointer<UInt8> { baseAddress!.assumingMemoryBound(to: UInt8.self) }
}

extension [UInt8] {
    /// Lends the bytes as the `const char *` that `crypto_pwhash` takes for passwords; an
    /// empty array may have no address, so it lends a valid one-byte buffer instead.
    func withCCharPointer<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try withUnsafeBytes { raw in
            if let base = raw.baseAddress { return try body(base.assumingMemoryBound(to: CChar.self)) }
            return try withUnsafePointer(to: CChar(0)) { try body($0) }
        }
    }
}
