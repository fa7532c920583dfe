import Primitives

/// A transaction's id: H of its wire bytes (SHA-256, or SM3 in the sm suite).
public struct TransactionID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 32 bytes of the id.
    public let bytes: [UInt8]

    /// Wraps 32 bytes.
    /// - Throws: `ChainError.malformedTransaction` for another length.
    public init(bytes: [UInt8]) throws(ChainError) {
        guard bytes.count == 32 else { throw .malformed("A transaction id is 32 bytes, not \(bytes.count).") }
        self.bytes = bytes
    }

    /// Parses the hex form that `description` prints.
    /// - Throws: `ChainError.malformedTransaction` for anything but 64 hex digits.
    public init(hex: String) throws(ChainError) {
        guard let bytes = try? Hex.decode(hex) else { throw .malformed("A transaction id is 64 hex digits.") }
        try self.init(bytes: bytes)
    }

    init(hashing wire: [UInt8], with hash: HashFunction) { bytes = hash.digest(wire) }

    /// Lowercase hex.
    public var description: String { Hex.encode(bytes) }

    public init(from decoder: any Decoder) throws {
        try self.init(hex: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
