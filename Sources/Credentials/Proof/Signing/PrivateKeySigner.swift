public import DID
public import Primitives

/// A ``CredentialSigner`` holding its private key in memory: tests, benchmarks and holders
/// whose keys live in a local keystore.
public struct PrivateKeySigner: CredentialSigner {
    /// The private key, one of the curves Chancery's JOSE algorithms name.
    public enum Key: Sendable {
        /// secp256k1, signing `ES256K`.
        case secp256k1(Secp256k1PrivateKey)
        /// Ed25519, signing `EdDSA`.
        case ed25519(Ed25519PrivateKey)
        /// NIST P-256, signing `ES256`.
        case p256(P256PrivateKey)
        /// SM2, signing `SM2SM3`.
        case sm2(SM2PrivateKey)
    }

    /// The key.
    public let key: Key
    /// The DID URL of the verification method.
    public let verificationMethod: String

    /// Creates a signer.
    /// - Parameters:
    ///   - key: the private key.
    ///   - verificationMethod: the DID URL that names its public key.
    public init(key: Key, verificationMethod: String) {
        self.key = key
        self.verificationMethod = verificationMethod
    }

    /// The public key matching ``key``.
    public var publicKey: PublicKeyMaterial {
        switch key {
        case .secp256k1(let key): .secp256k1(key.publicKey)
        case .ed25519(let key): .ed25519(key.publicKey)
        case .p256(let key): .p256(key.publicKey)
        case .sm2(let key): .sm2(key.publicKey)
        }
    }

    /// Signs `message` (see ``CredentialSigner/sign(_:)``).
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch key {
        case .secp256k1(let key): try key.signature(forDigest: Hash.sha256(message)).compactRepresentation
        case .ed25519(let key): key.signature(for: message)
        case .p256(let key): try key.signature(for: message)
        case .sm2(let key): try key.signature(for: message).rawRepresentation
        }
    }
}
