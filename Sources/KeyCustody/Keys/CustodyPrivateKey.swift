import Primitives

/// A decrypted custody key of any ``KeyType``, in the wiped-on-release memory its Primitives
/// type keeps; never leaves the KeyCustody module except through ``KeyExporter``.
enum CustodyPrivateKey: Sendable {
    case secp256k1(Secp256k1PrivateKey)
    case sm2(SM2PrivateKey)
    case ed25519(Ed25519PrivateKey)
    case p256(P256PrivateKey)

    /// Wraps the 32-byte secret of a key type: a big-endian scalar (secp256k1, SM2, P-256) or
    /// an RFC 8032 seed (Ed25519).
    /// - Throws: `PrimitivesError.invalidKey` when the scalar is out of that curve's range.
    init(type: KeyType, secret: SecureBytes) throws {
        switch type {
        case .sm2: self = .sm2(try SM2PrivateKey(secret: secret))
        case .ed25519: self = .ed25519(try Ed25519PrivateKey(seed: secret))
        case .p256: self = .p256(try secret.withUnsafeBytes { try P256PrivateKey(rawRepresentation: $0) })
        default: self = .secp256k1(try Secp256k1PrivateKey(secret: secret))
        }
    }

    /// A fresh random key of a type. Its secret is below secp256k1's group order whatever the
    /// type, so that the split vault can deal any key with Feldman shares over secp256k1
    /// (SM2 keys have their own dealing; `specs/custody-vault.md` §5.3).
    static func generate(_ type: KeyType) -> CustodyPrivateKey {
        switch type {
        case .sm2: return .sm2(SM2PrivateKey())
        // A random seed below n loses under 2^-127 of the seed space: nothing.
        case .ed25519: return .ed25519(try! Ed25519PrivateKey(seed: Secp256k1PrivateKey().rawRepresentation))
        // P-256's order is below secp256k1's, so every P-256 scalar is a secp256k1 one.
        case .p256: return .p256(P256PrivateKey())
        default: return .secp256k1(Secp256k1PrivateKey())
        }
    }

    var publicKey: CustodyPublicKey {
        switch self {
        case .secp256k1(let key): .secp256k1(key.publicKey)
        case .sm2(let key): .sm2(key.publicKey)
        case .ed25519(let key): .ed25519(key.publicKey)
        case .p256(let key): .p256(key.publicKey)
        }
    }

    var keyType: KeyType { publicKey.keyType }

    /// The 32-byte secret, for sealing and dealing.
    var secret: SecureBytes {
        switch self {
        case .secp256k1(let key): key.rawRepresentation
        case .sm2(let key): key.rawRepresentation
        case .ed25519(let key): key.seed
        case .p256(let key): key.rawRepresentation
        }
    }

    /// Signs `message` with the key type's message signature (``TypedKeyCustodian/signMessage(_:with:)``).
    /// - Throws: `KeyCustodyError.backendFailure` naming the key when the library fails.
    func signMessage(_ message: [UInt8], name: String) throws -> [UInt8] {
        do {
            switch self {
            case .secp256k1(let key): return try key.signature(forDigest: Hash.sha256(message)).compactRepresentation
            case .sm2(let key): return try key.signature(for: message).rawRepresentation
            case .ed25519(let key): return key.signature(for: message)
            case .p256(let key): return try key.signature(for: message)
            }
        } catch {
            throw KeyCustodyError(.backendFailure, "The \(keyType) key \"\(name)\" could not sign.")
        }
    }

    /// The secp256k1 key, or the error that a key of another type cannot make an ECDSA signature.
    /// - Throws: `KeyCustodyError.unsupportedKeyType` naming the key.
    func secp256k1(_ name: String) throws -> Secp256k1PrivateKey {
        guard case .secp256k1(let key) = self else {
            throw KeyCustodyError(.unsupportedKeyType, "The key \"\(name)\" is an \(keyType) key; it makes \(keyType) signatures, not secp256k1 ECDSA.")
        }
        return key
    }

    /// The SM2 key, or the error that a key of another type cannot make an SM2 signature.
    /// - Throws: `KeyCustodyError.unsupportedKeyType` naming the key.
    func sm2(_ name: String) throws -> SM2PrivateKey {
        guard case .sm2(let key) = self else {
            throw KeyCustodyError(.unsupportedKeyType, "The key \"\(name)\" is a \(keyType) key, not an SM2 key.")
        }
        return key
    }
}
