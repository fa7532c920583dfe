internal import CSodium

/// An Ed25519 verification key (RFC 8032): the 32-byte compressed point A.
public struct Ed25519PublicKey: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte encoding of the key.
    public let rawRepresentation: [UInt8]

    /// Wraps 32 bytes that are known to be a public key (produced by libsodium).
    init(checkedBytes: [UInt8]) { rawRepresentation = checkedBytes }

    /// Reads a key from its 32-byte encoding.
    ///
    /// Only the length is checked here; a non-canonical or small-order point is refused at
    /// verification time, where libsodium rejects every signature under it.
    /// - Parameter rawRepresentation: the 32-byte encoding.
    /// - Throws: `PrimitivesError.invalidKey` if the encoding is not 32 bytes long.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        guard rawRepresentation.count == crypto_sign_publickeybytes() else {
            throw PrimitivesError.invalidKey("An Ed25519 public key must be 32 bytes long.")
        }
        self.rawRepresentation = Array(rawRepresentation)
    }

    /// Checks an Ed25519 signature with libsodium's strict rules (canonical S, no small-order
    /// R or A).
    /// - Parameters:
    ///   - signature: the 64-byte signature; any other length is simply invalid.
    ///   - message: the signed bytes.
    /// - Returns: `true` only if `signature` is a valid signature of `message` under this key.
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        Sodium.initialized
        let signature = Array(signature), message = Array(message)
        guard signature.count == crypto_sign_bytes() else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), rawRepresentation) == 0
    }

    /// The key in hex.
    public var description: String { "Ed25519PublicKey(\(Hex.encode(rawRepresentation)))" }
}
