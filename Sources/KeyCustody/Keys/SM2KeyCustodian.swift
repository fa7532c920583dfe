public import Primitives

/// A custodian that can also hold SM2 keys (GM/T 0003) and sign with them by reference:
/// partial custody (``SoftwareCustodian``) and the split vault (``VaultCustodian``). A PKCS#11
/// link does not adopt it (`specs/custody.md` §1.1: SoftHSM2 offers no SM2 mechanism).
///
/// ```swift
/// if let sm2 = custodian as? any SM2KeyCustodian, try await sm2.keyType(of: reference) == .sm2 {
///     let signature = try await sm2.signSM2(message, with: reference)   // 64-byte r ‖ s
/// }
/// ```
/// The secp256k1 requirements of ``KeyCustodian`` refuse an SM2 key with
/// `KeyCustodyError.unsupportedKeyType`, and the SM2 ones refuse a secp256k1 key likewise.
public protocol SM2KeyCustodian: KeyCustodian {
    /// The type of a held key.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown key.
    func keyType(of key: KeyReference) async throws -> KeyType

    /// The public key of a held SM2 key.
    /// - Throws: `KeyCustodyError.keyNotFound` for an unknown key; `.unsupportedKeyType` for a
    ///   key that is not SM2.
    func sm2PublicKey(for key: KeyReference) async throws -> SM2PublicKey

    /// Signs `message` with SM2 over SM3 under the distinguishing identifier
    /// `1234567812345678` (the message itself, not a digest: the Z-value goes into the hash).
    /// - Parameters:
    ///   - message: the bytes to sign.
    ///   - key: which SM2 key signs.
    /// - Returns: the signature, random nonce.
    /// - Throws: `KeyCustodyError.keyNotFound`, `.unsupportedKeyType`, `.notUnlocked` (vault),
    ///   or `.backendFailure` when OpenSSL fails.
    func signSM2(_ message: [UInt8], with key: KeyReference) async throws -> SM2Signature
}
