public import Primitives

/// The 32-byte name of an admitted member inside auditor envelopes and the member registry.
/// It appears on the ledger only sealed, so it does not link transactions.
public struct MemberHandle: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 32 bytes.
    public let bytes: [UInt8]

    /// Wraps 32 bytes.
    /// - Throws: `ChainError.invalidBody` for another length.
    public init(bytes: [UInt8]) throws(ChainError) {
        guard bytes.count == 32 else { throw .invalidBody("A member handle is 32 bytes, not \(bytes.count).") }
        self.bytes = bytes
    }

    /// The handle of a member whose long-term key is `publicKey`: a tagged hash, so the handle
    /// commits to the key without being the key.
    public init(publicKey: Secp256k1PublicKey) {
        bytes = BIP340TaggedHash.hash(tag: "chancery/member-handle/v1", publicKey.compressedRepresentation)
    }

    /// Parses 64 hex digits.
    /// - Throws: `ChainError.invalidBody` for anything else.
    public init(hex: String) throws(ChainError) {
        guard let bytes = try? Hex.decode(hex) else { throw .invalidBody("A member handle is 64 hex digits.") }
        try self.init(bytes: bytes)
    }

    /// Lowercase hex.
    public var description: String { Hex.encode(bytes) }

    public init(from decoder: any Decoder) throws { try self.init(hex: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
