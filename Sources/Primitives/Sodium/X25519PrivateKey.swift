internal import CSodium

/// An X25519 key-agreement key (RFC 7748), used here to open ``SealedBox``es.
///
/// The 32-byte scalar lives in ``SecureBytes``, so it is wiped on release and never printed.
public struct X25519PrivateKey: Sendable, CustomStringConvertible {
    /// The 32-byte secret scalar, as libsodium's `crypto_box` expects it.
    let secretKey: SecureBytes

    /// The key that others seal to.
    public let publicKey: X25519PublicKey

    /// Generates a new key from the system's secure random generator.
    public init() {
        Sodium.initialized
        var publicBytes = [UInt8](repeating: 0, count: crypto_box_publickeybytes())
        secretKey = SecureBytes(count: crypto_box_secretkeybytes()) { secret in
            _ = crypto_box_keypair(&publicBytes, secret.bytePointer)
        }
        publicKey = X25519PublicKey(checkedBytes: publicBytes)
    }

    /// Wraps an existing 32-byte scalar and computes its public key.
    /// - Parameter rawRepresentation: the 32-byte secret scalar (clamped by X25519 itself).
    /// - Throws: `PrimitivesError.invalidKey` if the scalar is not 32 bytes long.
    public init(rawRepresentation: SecureBytes) throws {
        Sodium.initialized
        guard rawRepresentation.count == crypto_box_secretkeybytes() else {
            throw PrimitivesError.invalidKey("An X25519 private key must be 32 bytes long.")
        }
        var publicBytes = [UInt8](repeating: 0, count: crypto_box_publickeybytes())
        let status = rawRepresentation.withUnsafeBytes { secret in
            crypto_scalarmult_base(&publicBytes, secret.bytePointer)
        }
        guard status == 0 else {
            throw PrimitivesError.libraryFailure("libsodium could not compute the X25519 public key.")
        }
        secretKey = rawRepresentation
        publicKey = X25519PublicKey(checkedBytes: publicBytes)
    }

    /// The 32-byte secret scalar, for keystores that encrypt it.
    /// - Warning: never log it.
    public var rawRepresentation: SecureBytes { secretKey }

    /// Names the public key only; the secret never appears.
    public var description: String { "X25519PrivateKey(publicKey: \(Hex.encode(publicKey.rawRepresentation)), secret redacted)" }
}
