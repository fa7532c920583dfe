internal import CSodium

/// Cryptographically secure random bytes from the operating system, via libsodium's
/// `randombytes_buf`.
public enum SecureRandom {
    /// Random bytes that are not secret (nonces, salts, identifiers).
    /// - Parameter count: how many bytes, at least 0; a negative count is a programming error.
    /// - Returns: `count` random bytes.
    public static func bytes(count: Int) -> [UInt8] {
        Sodium.initialized
        precondition(count >= 0, "SecureRandom.bytes(count:) needs a count of at least 0")
        var bytes = [UInt8](repeating: 0, count: count)
        randombytes_buf(&bytes, count)
        return bytes
    }

    /// Random bytes for a secret (a key, a seed), written straight into wiped memory.
    /// - Parameter count: how many bytes, at least 0; a negative count is a programming error.
    /// - Returns: `count` random bytes in ``SecureBytes``.
    public static func secret(count: Int) -> SecureBytes {
        Sodium.initialized
        precondition(count >= 0, "SecureRandom.secret(count:) needs a count of at least 0")
        return SecureBytes(count: count) { randombytes_buf($0.bytePointer, count) }
    }
}
