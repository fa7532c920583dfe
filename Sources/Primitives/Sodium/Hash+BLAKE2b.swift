internal import CSodium

extension Hash {
    /// BLAKE2b (RFC 7693), optionally keyed, via libsodium's `crypto_generichash`.
    ///
    /// Lengths are checked and thrown rather than trapped on, because they may come from
    /// callers' data (a DID method's parameters, a file header) rather than from constants.
    /// - Parameters:
    ///   - bytes: the message.
    ///   - outputLength: the digest length in bytes, 16...64 (32 by default; 64 is
    ///     "BLAKE2b-512"). Shorter digests are refused because they are too weak to be
    ///     collision-resistant.
    ///   - key: an optional key of up to 64 bytes for keyed hashing (a MAC); empty means unkeyed.
    /// - Returns: the digest, `outputLength` bytes long.
    /// - Throws: `PrimitivesError.invalidInput` if `outputLength` is outside 16...64;
    ///   `PrimitivesError.invalidKey` if `key` is longer than 64 bytes.
    public static func blake2b(_ bytes: some Collection<UInt8>, outputLength: Int = 32, key: [UInt8] = []) throws -> [UInt8] {
        Sodium.initialized
        let lengths = crypto_generichash_bytes_min()...crypto_generichash_bytes_max()
        guard lengths.contains(outputLength) else {
            throw PrimitivesError.invalidInput("A BLAKE2b output length must be between \(lengths.lowerBound) and \(lengths.upperBound) bytes.")
        }
        guard key.count <= crypto_generichash_keybytes_max() else {
            throw PrimitivesError.invalidKey("A BLAKE2b key must be at most \(crypto_generichash_keybytes_max()) bytes long.")
        }
        let bytes = Array(bytes)
        var digest = [UInt8](repeating: 0, count: outputLength)
        _ = crypto_generichash(&digest, outputLength, bytes, UInt64(bytes.count), key.isEmpty ? nil : key, key.count)
        return digest
    }
}
