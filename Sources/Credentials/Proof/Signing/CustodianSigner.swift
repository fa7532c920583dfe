public import DID
public import KeyCustody
public import Primitives

/// A ``CredentialSigner`` over a member's key in any custody mode (HSM link, partial custody
/// keystore, split vault): the key never leaves its custodian. A secp256k1 key signs `ES256K`;
/// an SM2 key of an ``SM2KeyCustodian`` signs `SM2SM3`.
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
        if let sm2 = custodian as? any SM2KeyCustodian, try await sm2.keyType(of: key) == .sm2 {
            publicKey = .sm2(try await sm2.sm2PublicKey(for: key))
        } else {
            publicKey = .secp256k1(try await custodian.publicKey(for: key))
        }
    }

    /// Signs `message` with the key's algorithm: `ES256K` (SHA-256, then the custodian's
    /// low-S ECDSA) or `SM2SM3` (the custodian's SM2 over the message, 64-byte `r ‖ s`).
    public func sign(_ message: [UInt8]) async throws -> [UInt8] {
        if case .sm2 = publicKey, let sm2 = custodian as? any SM2KeyCustodian {
            return try await sm2.signSM2(message, with: key).rawRepresentation
        }
        return try await custodian.sign(digest: Hash.sha256(message), with: key).compactRepresentation
    }
}
