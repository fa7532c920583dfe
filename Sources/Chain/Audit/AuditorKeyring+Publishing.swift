import Primitives

extension AuditorKeyring {
    /// The public keys of a run of epochs, to hand to the membership service ahead of time
    /// (`specs/audit.md` §6); the service then never needs the master.
    /// - Parameter epochs: the epochs to publish, typically the current one and a quarter after it.
    /// - Returns: the published keys, named by this keyring's master public key.
    /// - Throws: `ChainError.invalidAuditorKey` as ``publicKey(epoch:)`` does.
    public func publish(epochs: Range<UInt64>) throws(ChainError) -> AuditorEpochKeys {
        var keys: [UInt64: X25519PublicKey] = [:]
        for epoch in epochs { keys[epoch] = try publicKey(epoch: epoch) }
        return AuditorEpochKeys(masterPublicKey: masterPublicKey, keys: keys)
    }
}

/// The master's holder can seal to any epoch directly (genesis, for one, seals the first
/// members' profiles before any key is published).
extension AuditorKeyring: AuditorSealingKeys {}
