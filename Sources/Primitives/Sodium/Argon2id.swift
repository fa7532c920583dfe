internal import CSodium

/// Password hashing and password-based key derivation with Argon2id v1.3 (RFC 9106), as
/// libsodium's `crypto_pwhash` implements it (one lane, no secret or associated data).
public enum Argon2id {
    /// The salt length ``deriveKey(password:salt:outputLength:parameters:)`` requires (16).
    public static var saltLength: Int { crypto_pwhash_argon2id_saltbytes() }

    /// Derives a key from a password.
    /// - Parameters:
    ///   - password: the password bytes (for text, its UTF-8 encoding).
    ///   - salt: 16 random bytes, stored next to whatever the key protects.
    ///   - outputLength: the key length in bytes, at least 16.
    ///   - parameters: the cost; ``Parameters/moderate`` suits keys that protect data at rest.
    /// - Returns: the derived key in wiped-on-release memory.
    /// - Throws: `PrimitivesError.invalidInput` if the salt is not 16 bytes, the output length is
    ///   out of range, or the password is too long; `PrimitivesError.libraryFailure` if the
    ///   memory could not be allocated.
    public static func deriveKey(
        password: some Collection<UInt8>, salt: [UInt8], outputLength: Int, parameters: Parameters
    ) throws -> SecureBytes {
        Sodium.initialized
        guard salt.count == saltLength else {
            throw PrimitivesError.invalidInput("An Argon2id salt must be \(saltLength) bytes long.")
        }
        let lengths = crypto_pwhash_argon2id_bytes_min()...crypto_pwhash_argon2id_bytes_max()
        guard lengths.contains(outputLength) else {
            throw PrimitivesError.invalidInput("An Argon2id output must be at least \(lengths.lowerBound) bytes long.")
        }
        let password = try checkedPassword(password)
        return try SecureBytes(count: outputLength) { key in
            let status = password.withCCharPointer { passwordPointer in
                crypto_pwhash_argon2id(
                    key.bytePointer, UInt64(outputLength), passwordPointer, UInt64(password.count),
                    salt, UInt64(parameters.opsLimit), parameters.memLimit, crypto_pwhash_argon2id_alg_argon2id13())
            }
            guard status == 0 else {
                throw PrimitivesError.libraryFailure("libsodium could not derive the Argon2id key (out of memory?).")
            }
        }
    }

    /// Hashes a password for storage, with a fresh random salt, in the PHC string format
    /// (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`).
    /// - Parameters:
    ///   - password: the password bytes (for text, its UTF-8 encoding).
    ///   - parameters: the cost; ``Parameters/interactive`` suits logins.
    /// - Returns: the encoded hash, which carries its own salt and parameters.
    /// - Throws: `PrimitivesError.invalidInput` if the password is too long;
    ///   `PrimitivesError.libraryFailure` if the memory could not be allocated.
    public static func hashString(password: some Collection<UInt8>, parameters: Parameters) throws -> String {
        Sodium.initialized
        let password = try checkedPassword(password)
        var encoded = [CChar](repeating: 0, count: crypto_pwhash_argon2id_strbytes())
        let status = password.withCCharPointer { passwordPointer in
            crypto_pwhash_argon2id_str(
                &encoded, passwordPointer, UInt64(password.count), UInt64(parameters.opsLimit), parameters.memLimit)
        }
        guard status == 0 else {
            throw PrimitivesError.libraryFailure("libsodium could not hash the password with Argon2id (out of memory?).")
        }
        let end = encoded.firstIndex(of: 0) ?? encoded.endIndex
        return String(decoding: encoded[..<end].map(UInt8.init(bitPattern:)), as: UTF8.self)
    }

    /// Checks a password against a hash made by ``hashString(password:parameters:)`` (or any
    /// Argon2id PHC string).
    /// - Parameters:
    ///   - hashString: the stored `$argon2id$…` string.
    ///   - password: the password bytes to check.
    /// - Returns: `true` only if the string is a well-formed Argon2id hash of `password`;
    ///   malformed strings and other algorithms (such as `$argon2i$`) give `false`.
    public static func verify(hashString: String, password: some Collection<UInt8>) -> Bool {
        Sodium.initialized
        // A NUL would end the C string early and let trailing garbage pass unnoticed.
        guard !hashString.utf8.contains(0), let password = try? checkedPassword(password) else { return false }
        return password.withCCharPointer { passwordPointer in
            crypto_pwhash_argon2id_str_verify(hashString, passwordPointer, UInt64(password.count)) == 0
        }
    }

    private static func checkedPassword(_ password: some Collection<UInt8>) throws -> [UInt8] {
        guard password.count <= crypto_pwhash_argon2id_passwd_max() else {
            throw PrimitivesError.invalidInput("The password is longer than Argon2id accepts.")
        }
        return Array(password)
    }
}
