public import Primitives

/// Signs with keys it holds, by reference, and never hands them out: the one interface that
/// chain, DID and credential code use for long-term keys, whatever the custody mode.
///
/// ```swift
/// let signature = try await custodian.sign(digest: hash, with: reference)
/// // signature is always low-S, so strict verification accepts it
/// ```
/// Export is deliberately not part of this protocol: only software custody adopts
/// ``KeyExporter``.
public protocol KeyCustodian: Sendable {
    /// The custody mode this custodian implements.
    var mode: CustodyMode { get }

    /// The public key of a held key.
    /// - Throws: `KeyCustodyError` when the key is unknown or the backend is unreachable.
    func publicKey(for key: KeyReference) async throws -> Secp256k1PublicKey

    /// Signs a 32-byte digest with ECDSA on secp256k1.
    /// - Parameters:
    ///   - digest: the hash of the canonical bytes (hashing happens on the host: HSMs such as
    ///     SoftHSM2 offer no hash-then-sign mechanism for ECDSA).
    ///   - key: which key signs.
    /// - Returns: a low-S signature (high-S output of a device is normalised).
    /// - Throws: `KeyCustodyError` when the key is unknown, locked or the backend fails.
    func sign(digest: [UInt8], with key: KeyReference) async throws -> Secp256k1ECDSASignature
}

/// Hands out a private key: adopted only by software custody, never by an HSM link.
public protocol KeyExporter: Sendable {
    /// The private key behind `key`.
    /// - Warning: the caller becomes responsible for the secret.
    /// - Throws: `KeyCustodyError` when the key is unknown or locked.
    func exportPrivateKey(_ key: KeyReference) async throws -> Secp256k1PrivateKey
}
