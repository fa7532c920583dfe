import Primitives

/// A decrypted custody key of any ``KeyType``, in the wiped-on-release memory its Primitives
/// type keeps; never leaves the KeyCustody module except through ``KeyExporter``.
enum CustodyPrivateKey: Sendable {
    case secp256k1(Secp256k1PrivateKey)
    case sm2(SM2PrivateKey)

    /// Wraps a 32-byte big-endian scalar of a key type.
    /// - Throws: `PrimitivesError.invalidKey` when the scalar is out of that curve's range.
    init(type: KeyType, secret: SecureBytes) throws {
        self = type == .sm2 ? .sm2(try SM2PrivateKey(secret: secret)) : .secp256k1(try Secp256k1PrivateKey(secret: secret))
    }

    var publicKey: CustodyPublicKey {
        switch self {
        case .secp256k1(let key): .secp256k1(key.publicKey)
        case .sm2(let key): .sm2(key.publicKey)
        }
    }

    var keyType: KeyType { publicKey.keyType }

    /// The 32-byte scalar, for sealing.
    var secret: SecureBytes {
        switch self {
        case .secp256k1(let key): key.rawRepresentation
        case .sm2(let key): key.rawRepresentation
        }
    }

    /// The secp256k1 key, or the error that an SM2 key cannot make an ECDSA signature.
    /// - Throws: `KeyCustodyError.unsupportedKeyType` naming the key.
    func secp256k1(_ name: String) throws -> Secp256k1PrivateKey {
        guard case .secp256k1(let key) = self else {
            throw KeyCustodyError(.unsupportedKeyType, "The key \"\(name)\" is an SM2 key; it makes SM2 signatures, not secp256k1 ECDSA.")
        }
        return key
    }

    /// The SM2 key, or the error that a secp256k1 key cannot make an SM2 signature.
    /// - Throws: `KeyCustodyError.unsupportedKeyType` naming the key.
    func sm2(_ name: String) throws -> SM2PrivateKey {
        guard case .sm2(let key) = self else {
            throw KeyCustodyError(.unsupportedKeyType, "The key \"\(name)\" is a secp256k1 key, not an SM2 key.")
        }
        return key
    }
}
