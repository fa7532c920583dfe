public import Primitives

/// A custodian that holds keys of every ``KeyType``, not only secp256k1, and signs messages
/// with them by reference: partial custody (``SoftwareCustodian``) and the split vault
/// (``VaultCustodian``). A PKCS#11 link does not adopt it (`specs/custody.md` §1.1: SoftHSM2
/// offers no SM2 mechanism, and the link is written for secp256k1 tokens).
///
/// ```swift
/// if let typed = custodian as? any TypedKeyCustodian, try await typed.keyType(of: reference) == .ed25519 {
///     let signature = try await typed.signMessage(message, with: reference)   // 64-byte Ed25519
/// }
/// ```
/// The secp256k1 requirements of ``KeyCustodian`` refuse a key of another type with
/// `KeyCustodyError.unsupportedKeyType`.
public protocol TypedKeyCustodian: KeyCustodian {
    /// The type of a held key.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown key.
    func keyType(of key: KeyReference) async throws -> KeyType

    /// The public key of a held key of any type.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown key.
    func typedPublicKey(for key: KeyReference) async throws -> CustodyPublicKey

    /// Signs `message` (the message itself: each type hashes as its algorithm says) with a
    /// held key:
    /// - secp256k1: ECDSA over SHA-256, low-S, 64-byte `r ‖ s` (JOSE `ES256K`);
    /// - SM2: over SM3 with the Z-value of identifier `1234567812345678`, 64-byte `r ‖ s`;
    /// - Ed25519: pure Ed25519 (RFC 8032), 64 bytes;
    /// - P-256: ECDSA over SHA-256, 64-byte `r ‖ s` (JOSE `ES256`).
    /// - Throws: `KeyCustodyError.keyNotFound`, `.notUnlocked` (vault), or `.backendFailure`
    ///   when the library fails.
    func signMessage(_ message: [UInt8], with key: KeyReference) async throws -> [UInt8]
}

extension TypedKeyCustodian {
    /// The public key of a held SM2 key.
    /// - Throws: `KeyCustodyError.keyNotFound`; `.unsupportedKeyType` for a key of another type.
    public func sm2PublicKey(for key: KeyReference) async throws -> SM2PublicKey {
        let publicKey = try await typedPublicKey(for: key)
        guard case .sm2(let sm2) = publicKey else {
            throw KeyCustodyError(.unsupportedKeyType, "The key \"\(key.id)\" is a \(publicKey.keyType) key, not an SM2 key.")
        }
        return sm2
    }

    /// Signs `message` with a held SM2 key (``signMessage(_:with:)`` for SM2 keys only).
    /// - Throws: as ``signMessage(_:with:)``; `.unsupportedKeyType` for a key of another type.
    public func signSM2(_ message: [UInt8], with key: KeyReference) async throws -> SM2Signature {
        _ = try await sm2PublicKey(for: key)
        let raw = try await signMessage(message, with: key)
        guard let signature = try? SM2Signature(rawRepresentation: raw) else {
            throw KeyCustodyError(.backendFailure, "The SM2 signature of key \"\(key.id)\" is malformed.")
        }
        return signature
    }
}

extension KeyCustodian {
    /// The public key of a held key of any type: through ``TypedKeyCustodian`` when the
    /// custodian holds several types, else its secp256k1 key (a PKCS#11 link).
    /// - Throws: the custodian's error for an unknown key.
    public func anyPublicKey(for key: KeyReference) async throws -> CustodyPublicKey {
        if let typed = self as? any TypedKeyCustodian { return try await typed.typedPublicKey(for: key) }
        return .secp256k1(try await publicKey(for: key))
    }
}
