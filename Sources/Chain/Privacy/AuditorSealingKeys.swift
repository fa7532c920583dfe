public import Primitives

/// Where the membership service gets the auditor's X25519 public key of an epoch, to seal that
/// epoch's envelopes and issuance-log entries to (`specs/audit.md` §6): one static key, or the
/// per-epoch keys the auditor published ahead of time (``AuditorEpochKeys``).
public protocol AuditorSealingKeys: Sendable {
    /// The public key that envelopes of `epoch` are sealed to.
    /// - Parameter epoch: the membership epoch of the one-time keys being certified.
    /// - Returns: the epoch's X25519 public key.
    /// - Throws: `ChainError.invalidAuditorKey` when no key is known for `epoch`.
    func publicKey(epoch: UInt64) throws -> X25519PublicKey
}

extension X25519PublicKey: AuditorSealingKeys {
    /// A single auditor key serves every epoch (an auditor without per-epoch keys).
    /// - Parameter epoch: ignored.
    /// - Returns: this key.
    public func publicKey(epoch: UInt64) -> X25519PublicKey { self }
}
