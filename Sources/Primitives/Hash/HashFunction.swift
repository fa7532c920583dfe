/// A 32-byte hash function chosen as a value, for protocols that run over either SHA-256 or
/// SM3 (the chain's crypto suites, `specs/chain.md` §9).
///
/// ```swift
/// let h = HashFunction.sm3
/// h.digest(Array("abc".utf8))                       // SM3, GM/T 0004-2012 A.1
/// h.taggedHash(tag: "chancery/block-header/v1", bytes) // SM3(SM3(tag) ‖ SM3(tag) ‖ bytes)
/// ```
public struct HashFunction: Sendable, Hashable, CustomStringConvertible {
    private enum Kind: Sendable, Hashable { case sha256, sm3 }
    private let kind: Kind

    /// SHA-256 (FIPS 180-4).
    public static let sha256 = HashFunction(kind: .sha256)
    /// SM3 (GM/T 0004-2012).
    public static let sm3 = HashFunction(kind: .sm3)

    /// The function's name: `SHA-256` or `SM3`.
    public var description: String { kind == .sha256 ? "SHA-256" : "SM3" }

    /// The 32-byte digest of `bytes`.
    /// - Parameter bytes: the message.
    /// - Returns: 32 bytes.
    public func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        kind == .sha256 ? Hash.sha256(bytes) : Hash.sm3(bytes)
    }

    /// The BIP-340 construction over this function: `H(H(tag) ‖ H(tag) ‖ message)`. Over SHA-256
    /// it equals ``BIP340TaggedHash/hash(tag:_:)``.
    /// - Parameters:
    ///   - tag: the domain.
    ///   - message: the bytes to hash.
    /// - Returns: 32 bytes.
    public func taggedHash(tag: String, _ message: some Collection<UInt8>) -> [UInt8] {
        if kind == .sha256 { return BIP340TaggedHash.hash(tag: tag, message) }
        let tagHash = digest(Array(tag.utf8))
        return digest(tagHash + tagHash + Array(message))
    }
}
