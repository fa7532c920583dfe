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
        if let digest = bytes.withContiguousStorageIfAvailable({ sha256(concatenating: UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { sha256(concatenating: $0) }
    }

    /// SHA-256 of several byte runs, one after the other, without joining them first.
    /// - Parameter parts: the message, in pieces.
    /// - Returns: the 32-byte digest.
    public static func sha256(concatenating parts: UnsafeRawBufferPointer...) -> [UInt8] {
        var hasher = SHA256()
        for part in parts { hasher.update(bufferPointer: part) }
        return hasher.finalize().withUnsafeBytes { Array($0) }
    }

    /// Keccak-256 with the original Keccak padding, as Ethereum uses it (not SHA3-256).
    /// - Parameter bytes: the message.
    /// - Returns: the 32-byte digest.
    public static func keccak256(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Keccak256.hash(bytes)
    }
}
