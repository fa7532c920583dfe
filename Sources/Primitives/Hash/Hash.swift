import Crypto

/// The hash functions of the `Primitives` module behind one façade.
///
/// ```swift
/// let digest = Hash.sha256(Array("abc".utf8))       // 32 bytes
/// let ethereum = Hash.keccak256(publicKey)          // 32 bytes, Keccak padding
/// ```
public enum Hash {
    /// SHA-256 (FIPS 180-4), computed by swift-crypto.
    /// - Parameter bytes: the message.
    /// - Returns: the 32-byte digest.
    public static func sha256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        let done: Void? = bytes.withContiguousStorageIfAvailable {
            hasher.update(bufferPointer: UnsafeRawBufferPointer($0))
        }
        if done == nil { Array(bytes).withUnsafeBytes { hasher.update(bufferPointer: $0) } }
        return Array(hasher.finalize())
    }

    /// Keccak-256 with the original Keccak padding, as Ethereum uses it (not SHA3-256).
    /// - Parameter bytes: the message.
    /// - Returns: the 32-byte digest.
    public static func keccak256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Keccak256.hash(bytes)
    }
}
