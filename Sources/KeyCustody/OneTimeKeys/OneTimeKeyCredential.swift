public import Primitives

/// A one-time secp256k1 key with what the membership service issued for it: the epoch, the
/// BIP-340 certificate and the sealed auditor envelope (`specs/chain.md` §2.3–2.4).
/// Used for exactly one transaction, so that two transactions of one member share no field.
public struct OneTimeKeyCredential: Sendable {
    /// The one-time private key.
    public let privateKey: Secp256k1PrivateKey
    /// Its 32-byte BIP-340 public key.
    public let publicKey: [UInt8]
    /// The membership epoch the certificate is valid for.
    public let epoch: UInt64
    /// The membership service's 64-byte certificate.
    public let certificate: [UInt8]
    /// The 120-byte envelope sealed to the auditor.
    public let envelope: [UInt8]

    /// Bundles a key with its issued certificate and envelope.
    /// - Parameters:
    ///   - privateKey: the one-time key the member generated.
    ///   - epoch: the epoch of the certificate.
    ///   - certificate: the membership service's signature.
    ///   - envelope: the sealed envelope.
    public init(privateKey: Secp256k1PrivateKey, epoch: UInt64, certificate: [UInt8], envelope: [UInt8]) {
        self.privateKey = privateKey
        self.publicKey = privateKey.publicKey.xOnly.rawRepresentation
        self.epoch = epoch
        self.certificate = certificate
        self.envelope = envelope
    }
}
