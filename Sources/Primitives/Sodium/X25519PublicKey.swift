internal import CSodium

/// An X25519 public key (RFC 7748): the 32-byte u-coordinate.
public struct X25519PublicKey: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte encoding of the key.
    public let rawRepresentation: [UInt8]

    /// Wraps 32 bytes that are known to be a public key (produced by libsodium).
    init(checkedBytes: [UInt8]) { rawRepresentation = checkedBytes }

    /// Reads a key from its 32-byte encoding.
    ///
    /// Only the length is checked; a low-order point is refused when something is sealed to it.
    /// - Parameter rawRepresentation: the 32-byte encoding.
    /// - Throws: `PrimitivesError.invalidKey` if the encoding is not 32 bytes long.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        guard rawRepresentation.count == crypto_box_publickeybytes() else {
            throw PrimitivesError.invalidKey("An X25519 public key must be 32 bytes long.")
        }
        self.rawRepresentation = Array(rawRepresentation)
    }

    /// The key in hex.
    public var description: String { "X25519PublicKey(\(Hex.encode(rawRepresentation)))" }
}
