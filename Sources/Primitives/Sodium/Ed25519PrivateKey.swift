internal import CSodium

/// An Ed25519 signing key (RFC 8032).
///
/// libsodium's 64-byte secret key (the 32-byte seed followed by the public key) lives in
/// ``SecureBytes``, so it is wiped on release and never printed.
public struct Ed25519PrivateKey: Sendable, CustomStringConvertible {
    private let secretKey: SecureBytes

    /// The key that verifies this key's signatures.
    public let publicKey: Ed25519PublicKey

    /// Generates a new key from the system's secure random generator.
    public init() {
        Sodium.initialized
        var publicBytes = [UInt8](repeating: 0, count: crypto_sign_publickeybytes())
        secretKey = SecureBytes(count: crypto_sign_secretkeybytes()) { secret in
            _ = crypto_sign_keypair(&publicBytes, secret.bytePointer)
        }
        publicKey = Ed25519PublicKey(checkedBytes: publicBytes)
    }

    /// Recreates the key whose RFC 8032 private key (seed) is `seed`.
    /// - Parameter seed: the 32-byte seed.
    /// - Throws: `PrimitivesError.invalidKey` if `seed` is not 32 bytes long.
    public init(seed: SecureBytes) throws {
        Sodium.initialized
        guard seed.count == crypto_sign_seedbytes() else {
            throw PrimitivesError.invalidKey("An Ed25519 seed must be 32 bytes long.")
        }
        var publicBytes = [UInt8](repeating: 0, count: crypto_sign_publickeybytes())
        secretKey = SecureBytes(count: crypto_sign_secretkeybytes()) { secret in
            seed.withUnsafeBytes { seed in
                _ = crypto_sign_seed_keypair(&publicBytes, secret.bytePointer, seed.bytePointer)
            }
        }
        publicKey = Ed25519PublicKey(checkedBytes: publicBytes)
    }

    /// Signs `message` deterministically (pure Ed25519, no pre-hashing).
    /// - Parameter message: the bytes to sign.
    /// - Returns: the 64-byte signature R ‖ S.
    public func signature(for message: some Collection<UInt8>) -> [UInt8] {
        Sodium.initialized
        let message = Array(message)
        var signature = [UInt8](repeating: 0, count: crypto_sign_bytes())
        secretKey.withUnsafeBytes { secret in
            _ = crypto_sign_detached(&signature, nil, message, UInt64(message.count), secret.bytePointer)
        }
        return signature
    }

    /// The 32-byte RFC 8032 seed (the first half of libsodium's secret key), for keystores.
    /// - Warning: never log it.
    public var seed: SecureBytes { secretKey.withUnsafeBytes { SecureBytes($0.prefix(32)) } }

    /// Names the public key only; the secret never appears.
    public var description: String { "Ed25519PrivateKey(publicKey: \(Hex.encode(publicKey.rawRepresentation)), secret redacted)" }
}
