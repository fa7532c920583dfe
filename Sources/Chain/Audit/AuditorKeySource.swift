public import Primitives

/// Where the audit index gets the X25519 private key that opens the envelopes of an epoch
/// (`specs/audit.md` §3): one static key, or an ``AuditorKeyring`` deriving one per epoch.
public protocol AuditorKeySource: Sendable {
    /// The private key that envelopes of `epoch` are sealed to.
    /// - Parameter epoch: the transaction's membership epoch.
    /// - Returns: the epoch's X25519 private key.
    /// - Throws: `ChainError.invalidAuditorKey` when the key cannot be produced.
    func privateKey(epoch: UInt64) throws -> X25519PrivateKey
}

extension X25519PrivateKey: AuditorKeySource {
    /// A single auditor key serves every epoch: what a membership service sealing to one static
    /// key needs.
    /// - Parameter epoch: ignored.
    /// - Returns: this key.
    public func privateKey(epoch: UInt64) -> X25519PrivateKey { self }
}
