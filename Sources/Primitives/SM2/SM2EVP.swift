internal import COpenSSL

/// SM2 signing and verification through OpenSSL 3's EVP interface: an `EVP_PKEY` of type SM2
/// built from our bytes (`EVP_PKEY_fromdata`), the distinguishing identifier set with
/// `EVP_PKEY_CTX_set1_id`, and `EVP_DigestSign`/`EVP_DigestVerify` with SM3, which compute the
/// Z-value of GM/T 0003.2 and sign `SM3(Z ‖ M)`. Every context is freed before return; a
/// private key's `EVP_PKEY` lives as long as its ``SM2PrivateKey`` (``OwnedKey``).
enum SM2EVP {
    /// OpenSSL refuses identifiers whose bit length does not fit the 16-bit ENTL field.
    static let maximumIdentifierLength = 8190

    /// Throws unless `identifier` fits the Z-value's ENTL field.
    /// - Throws: `PrimitivesError.invalidInput` for an identifier longer than 8,190 bytes.
    static func requireIdentifier(_ identifier: [UInt8]) throws {
        guard identifier.count <= maximumIdentifierLength else {
            throw PrimitivesError.invalidInput("An SM2 distinguishing identifier is at most \(maximumIdentifierLength) bytes, not \(identifier.count).")
        }
    }

    /// An `EVP_PKEY` owned by Swift: freed when the last reference goes. OpenSSL frees an EC
    /// key's private scalar with `BN_clear_free`, so the scalar's copy inside OpenSSL is wiped
    /// then. The key is never modified after it is built; OpenSSL 3 allows one `EVP_PKEY` to be
    /// used for operations on several threads at once, each with its own contexts (as here).
    final class OwnedKey: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { EVP_PKEY_free(pointer) }
    }

    /// Builds an SM2 `EVP_PKEY` from a public point and, for signing, the private scalar.
    /// - Throws: `PrimitivesError.libraryFailure` if OpenSSL refuses the key material.
    static func makeKey(publicPoint: [UInt8], scalar: SecureBytes?) throws -> OwnedKey {
        var point = publicPoint
        // OSSL_PARAM integers are native-endian; the copy lives in wiped memory.
        let nativeScalar = scalar.map { secret in
            SecureBytes(count: 32) { out in
                secret.withUnsafeBytes { big in
                    for index in 0..<32 { out[index] = littleEndianHost ? big[31 - index] : big[index] }
                }
            }
        }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "SM2", nil) else {
            throw PrimitivesError.libraryFailure("This OpenSSL has no SM2 key type.")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        let built = withCStrings(["group", "SM2", "pub", "priv"]) { names in
            point.withUnsafeMutableBytes { pointBytes in
                var params = [OSSL_PARAM_construct_utf8_string(names[0], names[1], 0),
                              OSSL_PARAM_construct_octet_string(names[2], pointBytes.baseAddress, pointBytes.count)]
                var selection = OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS | OSSL_KEYMGMT_SELECT_PUBLIC_KEY
                return withSecretBytes(nativeScalar) { scalarBytes in
                    if let scalarBytes {
                        params.append(OSSL_PARAM_construct_BN(
                            names[3], UnsafeMutablePointer(mutating: scalarBytes.bindMemory(to: UInt8.self).baseAddress), 32))
                        selection |= OSSL_KEYMGMT_SELECT_PRIVATE_KEY
                    }
                    params.append(OSSL_PARAM_construct_end())
                    return EVP_PKEY_fromdata_init(context) == 1 && EVP_PKEY_fromdata(context, &key, selection, &params) == 1
                }
            }
        }
        guard built, let key else {
            ERR_clear_error()
            throw PrimitivesError.libraryFailure("OpenSSL refused the SM2 key material.")
        }
        return OwnedKey(key)
    }

    /// Lends an SM2 `EVP_PKEY` built from a public point and, for signing, the private scalar,
    /// freed on return.
    /// - Throws: `PrimitivesError.libraryFailure` if OpenSSL refuses the key material.
    static func withKey<R>(publicPoint: [UInt8], scalar: SecureBytes?, _ body: (OpaquePointer) throws -> R) throws -> R {
        let key = try makeKey(publicPoint: publicPoint, scalar: scalar)
        return try withExtendedLifetime(key) { try body(key.pointer) }
    }

    /// Signs `message` with the key, returning OpenSSL's DER signature.
    /// - Throws: `PrimitivesError.libraryFailure` if OpenSSL fails.
    static func sign(_ message: [UInt8], identifier: [UInt8], key: OpaquePointer) throws -> [UInt8] {
        try withDigestContext(key: key, identifier: identifier, signing: true) { context in
            var signature = [UInt8](repeating: 0, count: 72)
            var length = signature.count
            guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
                ERR_clear_error()
                throw PrimitivesError.libraryFailure("OpenSSL failed to make an SM2 signature.")
            }
            return Array(signature.prefix(length))
        }
    }

    /// Whether `der` is a valid signature of `message` by the key under `identifier`.
    static func verify(_ der: [UInt8], message: [UInt8], identifier: [UInt8], key: OpaquePointer) -> Bool {
        let verdict = try? withDigestContext(key: key, identifier: identifier, signing: false) { context in
            EVP_DigestVerify(context, der, der.count, message, message.count)
        }
        ERR_clear_error()
        return verdict == 1
    }

    private static func withDigestContext<R>(
        key: OpaquePointer, identifier: [UInt8], signing: Bool, _ body: (OpaquePointer) throws -> R
    ) throws -> R {
        guard let keyContext = EVP_PKEY_CTX_new(key, nil) else { throw PrimitivesError.libraryFailure("OpenSSL could not allocate a key context.") }
        defer { EVP_PKEY_CTX_free(keyContext) }
        // Declared after the key context so that it is freed first: it borrows that context.
        guard let context = EVP_MD_CTX_new() else { throw PrimitivesError.libraryFailure("OpenSSL could not allocate a digest context.") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_PKEY_CTX_set1_id(keyContext, identifier, Int32(identifier.count)) == 1 else {
            ERR_clear_error()
            throw PrimitivesError.libraryFailure("OpenSSL refused the SM2 distinguishing identifier.")
        }
        EVP_MD_CTX_set_pkey_ctx(context, keyContext)
        let initialised = signing
            ? EVP_DigestSignInit(context, nil, EVP_sm3(), nil, key)
            : EVP_DigestVerifyInit(context, nil, EVP_sm3(), nil, key)
        guard initialised == 1 else {
            ERR_clear_error()
            throw PrimitivesError.libraryFailure("OpenSSL could not start an SM2 operation.")
        }
        return try body(context)
    }

    private static let littleEndianHost = 1.littleEndian == 1

    /// C strings that stay valid for the whole of `body` (an `OSSL_PARAM` keeps the pointers).
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>]) throws -> R) rethrows -> R {
        let pointers = strings.map { string in
            let characters = Array(string.utf8CString)
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: characters.count)
            pointer.initialize(from: characters, count: characters.count)
            return pointer
        }
        defer { pointers.forEach { $0.deallocate() } }
        return try body(pointers)
    }

    private static func withSecretBytes<R>(_ secret: SecureBytes?, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard let secret else { return try body(nil) }
        return try secret.withUnsafeBytes { try body($0) }
    }
}
