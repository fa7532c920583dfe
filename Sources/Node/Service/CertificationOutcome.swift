public import Chain

/// The result of asking the node's membership service to certify one-time keys
/// (`POST /membership/certificates`).
public enum CertificationOutcome: Sendable, Hashable {
    /// One certificate and auditor envelope per requested key, in the request's order (200).
    case certified(epoch: UInt64, [OneTimeKeyCertificate])
    /// The service refused; `code` is the chain's refusal code (unknown member, bad signature,
    /// another epoch, a stale request) (422).
    case refused(code: String, reason: String)
    /// The node failed (its state could not be read) (500).
    case failed(String)
}

/// A one-time key's certificate and the envelope sealed to the auditor (`specs/chain.md` §2.3–2.4).
public struct OneTimeKeyCertificate: Sendable, Hashable {
    /// The one-time key, 32-byte BIP-340.
    public let oneTimeKey: [UInt8]
    /// The membership service's 64-byte certificate.
    public let certificate: [UInt8]
    /// The 120-byte envelope sealed to the auditor.
    public let envelope: [UInt8]

    /// Bundles a key with its certificate and envelope.
    public init(oneTimeKey: [UInt8], certificate: [UInt8], envelope: [UInt8]) {
        self.oneTimeKey = oneTimeKey
        self.certificate = certificate
        self.envelope = envelope
    }
}
