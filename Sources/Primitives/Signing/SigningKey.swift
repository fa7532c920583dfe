/// A private key of one ``SignatureScheme``: what one-time keys, node keys and the membership
/// service's key are in a chain of either crypto suite.
///
/// ```swift
/// let key = SigningKey.sm2(SM2PrivateKey())
/// let signature = try key.signature(for: digest)   // 64 bytes, r ‖ s
/// ```
public enum SigningKey: Sendable, CustomStringConvertible {
    /// A secp256k1 key signing BIP-340 Schnorr signatures.
    case bip340(Secp256k1PrivateKey)
    /// An SM2 key signing SM2 with SM3.
    case sm2(SM2PrivateKey)

    /// The key's scheme.
    public var scheme: SignatureScheme {
        switch self {
        case .bip340: .bip340
        case .sm2: .sm2
        }
    }

    /// The public key in the scheme's form: 32-byte x-only or 33-byte compressed.
    public var publicKey: [UInt8] {
        switch self {
        case .bip340(let key): key.publicKey.xOnly.rawRepresentation
        case .sm2(let key): key.publicKey.compressedRepresentation
        }
    }

    /// The 32-byte scalar, for the files that must hold it.
    /// - Warning: this leaves secure memory; only code that stores it protected should call this.
    public var rawRepresentation: SecureBytes {
        switch self {
        case .bip340(let key): key.rawRepresentation
        case .sm2(let key): key.rawRepresentation
        }
    }

    /// Signs `message`: BIP-340 over a 32-byte message, or SM2 over `SM3(Z ‖ message)`.
    /// - Parameter message: the message (for BIP-340, exactly 32 bytes).
    /// - Returns: the 64-byte signature.
    /// - Throws: `PrimitivesError` when the library fails or a BIP-340 message is not 32 bytes.
    public func signature(for message: [UInt8]) throws -> [UInt8] {
        switch self {
        case .bip340(let key): try key.schnorrSignature(for: message)
        case .sm2(let key): try key.signature(for: message).rawRepresentation
        }
    }

    /// A redacted description: private keys never reach logs.
    public var description: String { "SigningKey(\(scheme), redacted)" }
}
