public import DID
public import KeyCustody
public import Primitives

/// A ``CredentialSigner`` over a member's secp256k1 key in any custody mode (HSM link,
/// partial custody keystore, split vault): the key never leaves its custodian.
public struct CustodianSigner: CredentialSigner {
    /// The custodian that holds the key.
    public let custodian: any KeyCustodian
    /// Which of the custodian's keys signs.
    public let key: KeyReference
    /// The DID URL of the verification method.
    public let verificationMethod: String
    /// The key's public half, read once from the custodian.
    public let publicKey: PublicKeyMaterial

    /// Creates a signer, reading the public key from the custodian.
    /// - Parameters:
    ///   - custodian: the custodian.
    ///   - key: the key reference.
    ///   - verificationMethod: the DID URL that names the key.
    /// - Throws: the custodian's error when the key is unknown or locked.
    public init(custodian: any KeyCustodian, key: KeyReference, verificationMethod: String) async throws {
        self.custodian = custodian
        self.key = key
        self.verificationMethod = verificationMethod
        self.publicKey = .secp256k1(try await custodian.publicKey(for: key))
    }

    /// Signs `message` with ES256K: SHA-256, then the custodian's low-S ECDSA.
    public func sign(_ message: [UInt8]) async throws -> [UInt8] {
        try await custodian.sign(digest: Hash.sha256(message), with: key).compactRepresentation
    }
}
