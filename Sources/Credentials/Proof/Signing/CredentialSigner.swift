public import DID

/// Something that signs credentials and presentations for one verification method: a private
/// key in memory (``PrivateKeySigner``) or a member's key in custody (``CustodianSigner``).
///
/// Every proof format (JOSE, SD-JWT, key-binding JWTs) signs through this one protocol, so the
/// custody mode of an issuer or holder never leaks into the formats.
public protocol CredentialSigner: Sendable {
    /// The DID URL of the verification method, written as the JOSE `kid` or the proof's
    /// `verificationMethod`.
    var verificationMethod: String { get }
    /// The public key; its curve decides the algorithm (`ES256K`, `EdDSA`, `ES256` or `SM2SM3`).
    var publicKey: PublicKeyMaterial { get }
    /// Signs `message` with the key's JOSE algorithm.
    /// - Parameter message: the bytes to sign (hashed here with SHA-256 for the ECDSA
    ///   algorithms, as JOSE requires; SM2 hashes `Z ‖ message` with SM3 itself).
    /// - Returns: the JOSE signature: 64-byte `r ‖ s` (low-S for secp256k1; also for SM2) or a
    ///   64-byte Ed25519 signature.
    /// - Throws: when the key cannot sign (a locked custodian, a failed HSM call).
    func sign(_ message: [UInt8]) async throws -> [UInt8]
}
