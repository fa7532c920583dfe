public import DID
public import KeyCustody
public import Primitives

/// A ``CredentialSigner`` over a member's key in any custody mode (HSM link, partial custody
/// keystore, split vault): the key never leaves its custodian. Its type picks the algorithm:
/// secp256k1 signs `ES256K`, SM2 `SM2SM3`, Ed25519 `EdDSA` (and `eddsa-*` proofs), P-256
/// `ES256` (and `ecdsa-*` proofs); keys other than secp256k1 need a ``TypedKeyCustodian``.
public struct CustodianSigner: CredentialSigner {
    /// The custodian that holds the key.
    public let custodian: any KeyCustodian
    /// Which of the custodian's keys signs.
    public let key: KeyReference
    /// The DID URL of the verification method.
    public let verificationMethod: String
    /// The key's public half, read once from the custodian; its type picks the algorithm.
    public let publicKey: PublicKeyMaterial

    /// Creates a signer, reading the key's type and public key from the custodian.
    /// - Parameters:
    ///   - custodian: the custodian.
    ///   - key: the key reference.
    ///   - verificationMethod: the DID URL that names the key.
    /// - Throws: the custodian's error when the key is unknown or locked.
    public init(custodian: any KeyCustodian, key: KeyReference, verificationMethod: String) async throws {
        self.custodian = custodian
        self.key = key
        self.verificationMethod = verificationMethod
        publicKey = PublicKeyMaterial(try await custodian.anyPublicKey(for: key))
    }

    /// Signs `message` with the key's algorithm (``TypedKeyCustodian/signMessage(_:with:)``);
    /// a secp256k1 key of a custodian that only signs digests gets the SHA-256 of the message.
    public func sign(_ message: [UInt8]) async throws -> [UInt8] {
        if let typed = custodian as? any TypedKeyCustodian {
            return try await typed.signMessage(message, with: key)
        }
        return try await custodian.sign(digest: Hash.sha256(message), with: key).compactRepresentation
    }

}
