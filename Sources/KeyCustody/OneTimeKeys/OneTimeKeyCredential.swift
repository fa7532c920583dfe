public import Primitives

/// A one-time key with what the membership service issued for it: the epoch, the certificate
/// and the sealed auditor envelope (`specs/chain.md` §2.3–2.4). The key is secp256k1 (BIP-340)
/// on a chain of the standard suite and SM2 on one of the sm suite (§9).
/// Used for exactly one transaction, so that two transactions of one member share no field.
public struct OneTimeKeyCredential: Sendable {
    /// The one-time private key.
    public let privateKey: SigningKey
    /// Its public key: 32-byte BIP-340 or 33-byte compressed SM2.
    public let publicKey: [UInt8]
    /// The membership epoch the certificate is valid for.
    public let epoch: UInt64
    /// The membership service's 64-byte certificate.
    public let certificate: [UInt8]
    /// The envelope sealed to the auditor (120 bytes, or 121 with an SM2 key).
    public let envelope: [UInt8]

    /// Bundles a key with its issued certificate and envelope.
    /// - Parameters:
    ///   - privateKey: the one-time key the member generated.
    ///   - epoch: the epoch of the certificate.
    ///   - certificate: the membership service's signature.
    ///   - envelope: the sealed envelope.
    public init(privateKey: SigningKey, epoch: UInt64, certificate: [UInt8], envelope: [UInt8]) {
        self.privateKey = privateKey
        self.publicKey = privateKey.publicKey
        self.epoch = epoch
        self.certificate = certificate
        self.envelope = envelope
    }

    /// Bundles a secp256k1 (BIP-340) key with its issued certificate and envelope.
    /// - Parameters:
    ///   - privateKey: the one-time key the member generated.
    ///   - epoch: the epoch of the certificate.
    ///   - certificate: the membership service's signature.
    ///   - envelope: the sealed envelope.
    public init(privateKey: Secp256k1PrivateKey, epoch: UInt64, certificate: [UInt8], envelope: [UInt8]) {
        self.init(privateKey: .bip340(privateKey), epoch: epoch, certificate: certificate, envelope: envelope)
    }
}
