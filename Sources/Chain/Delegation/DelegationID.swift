public import Primitives

/// A delegation's id: SHA-256 of the JCS bytes of its ``DelegationTerms``, written as 64
/// lowercase hex digits.
public struct DelegationID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 32 bytes.
    public let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses 64 hex digits.
    /// - Throws: `ChainError.invalidBody` for anything else.
    public init(hex: String) throws(ChainError) {
        guard hex.utf8.count == 64, let bytes = try? Hex.decode(hex.lowercased()) else {
            throw .invalidBody("A delegation id is 64 hex digits, not '\(hex.prefix(70))'.")
        }
        self.bytes = bytes
    }

    /// Lowercase hex.
    public var description: String { Hex.encode(bytes) }

    public init(from decoder: any Decoder) throws { try self.init(hex: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
