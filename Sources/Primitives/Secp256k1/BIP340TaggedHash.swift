internal import Crypto

/// BIP-340 tagged hashes: `SHA-256(SHA-256(tag) ‖ SHA-256(tag) ‖ message)`, which separate the
/// hash domains of different protocols (and of our own signed structures) by a text tag.
public enum BIP340TaggedHash {
    /// The tagged hash of `message` under `tag`.
    /// - Parameters:
    ///   - tag: the domain, e.g. `"BIP0340/challenge"` or `"chancery/tx"`.
    ///   - message: the bytes to hash.
    /// - Returns: 32 bytes.
    public static func hash(tag: String, _ message: some Collection<UInt8>) -> [UInt8] {
        let tagHash = Array(SHA256.hash(data: Array(tag.utf8)))
        var hasher = SHA256()
        hasher.update(data: tagHash)
        hasher.update(data: tagHash)
        hasher.update(data: Array(message))
        return Array(hasher.finalize())
    }
}
