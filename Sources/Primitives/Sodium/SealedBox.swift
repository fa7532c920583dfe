internal import CSodium

/// Anonymous public-key encryption with libsodium's sealed boxes (`crypto_box_seal`): an
/// ephemeral X25519 key, XSalsa20-Poly1305, and no sender identity.
public enum SealedBox {
    /// How many bytes a sealed box adds to its message (ephemeral public key and tag: 48).
    public static var overhead: Int { crypto_box_sealbytes() }

    /// Encrypts `message` so that only the holder of `recipient`'s private key can read it.
    /// - Parameters:
    ///   - message: the bytes to encrypt.
    ///   - recipient: the X25519 public key to seal to.
    /// - Returns: the sealed box, `message.count + overhead` bytes long.
    /// - Throws: `PrimitivesError.invalidKey` if `recipient` is a low-order point, for which
    ///   no shared secret exists.
    public static func seal(_ message: some Collection<UInt8>, to recipient: X25519PublicKey) throws -> [UInt8] {
        Sodium.initialized
        let message = Array(message)
        var box = [UInt8](repeating: 0, count: message.count + overhead)
        guard crypto_box_seal(&box, message, UInt64(message.count), recipient.rawRepresentation) == 0 else {
            throw PrimitivesError.invalidKey("The recipient's X25519 public key is a low-order point.")
        }
        return box
    }

    /// Decrypts and authenticates a sealed box.
    /// - Parameters:
    ///   - box: a sealed box produced by ``seal(_:to:)``.
    ///   - key: the recipient's private key.
    /// - Returns: the original message.
    /// - Throws: `PrimitivesError.decryptionFailed` if the box was altered, truncated, or sealed
    ///   to another key.
    public static func open(_ box: some Collection<UInt8>, with key: X25519PrivateKey) throws -> [UInt8] {
        Sodium.initialized
        let box = Array(box)
        guard box.count >= overhead else {
            throw PrimitivesError.decryptionFailed("The sealed box is shorter than its \(overhead)-byte overhead.")
        }
        var message = [UInt8](repeating: 0, count: box.count - overhead)
        let status = key.secretKey.withUnsafeBytes { secret in
            crypto_box_seal_open(&message, box, UInt64(box.count), key.publicKey.rawRepresentation, secret.bytePointer)
        }
        guard status == 0 else {
            throw PrimitivesError.decryptionFailed("The sealed box does not authenticate under this key.")
        }
        return message
    }
}
