internal import CSodium

/// Authenticated encryption with XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha,
/// libsodium's `crypto_aead_xchacha20poly1305_ietf`).
///
/// The 24-byte nonce is long enough to be drawn at random for every message, so ``seal(_:key:nonce:associatedData:)``
/// does that by default and prefixes it to the output: sealed = nonce ‖ ciphertext ‖ tag.
public enum XChaCha20Poly1305 {
    /// The key length in bytes (32).
    public static var keyLength: Int { crypto_aead_xchacha20poly1305_ietf_keybytes() }
    /// The nonce length in bytes (24).
    public static var nonceLength: Int { crypto_aead_xchacha20poly1305_ietf_npubbytes() }
    /// How many bytes sealing adds to a plaintext: nonce and 16-byte tag (40).
    public static var overhead: Int { nonceLength + crypto_aead_xchacha20poly1305_ietf_abytes() }

    /// Encrypts and authenticates `plaintext`, and authenticates `associatedData` with it.
    /// - Parameters:
    ///   - plaintext: the bytes to encrypt.
    ///   - key: the 32-byte key.
    ///   - nonce: a 24-byte nonce never used before with `key`; `nil` draws a random one,
    ///     which is what callers should normally do.
    ///   - associatedData: bytes that are authenticated but not encrypted, and must be given
    ///     again to ``open(_:key:associatedData:)``.
    /// - Returns: nonce ‖ ciphertext ‖ tag, `plaintext.count + overhead` bytes long.
    /// - Throws: `PrimitivesError.invalidKey` if `key` is not 32 bytes long;
    ///   `PrimitivesError.invalidInput` if `nonce` is given and is not 24 bytes long.
    public static func seal(
        _ plaintext: some Collection<UInt8>, key: SecureBytes, nonce: [UInt8]? = nil, associatedData: [UInt8] = []
    ) throws -> [UInt8] {
        Sodium.initialized
        try checkKey(key)
        let nonce = nonce ?? SecureRandom.bytes(count: nonceLength)
        guard nonce.count == nonceLength else {
            throw PrimitivesError.invalidInput("An XChaCha20-Poly1305 nonce must be \(nonceLength) bytes long.")
        }
        let plaintext = Array(plaintext)
        var sealed = nonce + [UInt8](repeating: 0, count: plaintext.count + overhead - nonceLength)
        sealed.withUnsafeMutableBufferPointer { output in
            key.withUnsafeBytes { key in
                _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                    output.baseAddress! + nonceLength, nil, plaintext, UInt64(plaintext.count),
                    associatedData, UInt64(associatedData.count), nil, nonce, key.bytePointer)
            }
        }
        return sealed
    }

    /// Checks and decrypts the output of ``seal(_:key:nonce:associatedData:)``.
    /// - Parameters:
    ///   - sealed: nonce ‖ ciphertext ‖ tag.
    ///   - key: the 32-byte key it was sealed with.
    ///   - associatedData: the associated data it was sealed with.
    /// - Returns: the plaintext.
    /// - Throws: `PrimitivesError.invalidKey` if `key` is not 32 bytes long;
    ///   `PrimitivesError.decryptionFailed` if `sealed` is truncated or altered, or the key or
    ///   associated data differ.
    public static func open(_ sealed: some Collection<UInt8>, key: SecureBytes, associatedData: [UInt8] = []) throws -> [UInt8] {
        Sodium.initialized
        try checkKey(key)
        let sealed = Array(sealed)
        guard sealed.count >= overhead else {
            throw PrimitivesError.decryptionFailed("The sealed message is shorter than its \(overhead)-byte overhead.")
        }
        let nonce = Array(sealed[..<nonceLength]), ciphertext = Array(sealed[nonceLength...])
        var plaintext = [UInt8](repeating: 0, count: sealed.count - overhead)
        let status = key.withUnsafeBytes { key in
            crypto_aead_xchacha20poly1305_ietf_decrypt(
                &plaintext, nil, nil, ciphertext, UInt64(ciphertext.count),
                associatedData, UInt64(associatedData.count), nonce, key.bytePointer)
        }
        guard status == 0 else {
            throw PrimitivesError.decryptionFailed("The sealed message does not authenticate under this key and associated data.")
        }
        return plaintext
    }

    private static func checkKey(_ key: SecureBytes) throws {
        guard key.count == keyLength else {
            throw PrimitivesError.invalidKey("An XChaCha20-Poly1305 key must be \(keyLength) bytes long.")
        }
    }
}
