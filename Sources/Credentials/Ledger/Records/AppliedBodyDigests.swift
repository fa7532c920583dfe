import Chain

/// The digests of the nonce-bound DID-authorised bodies that applied (`cpt.register`,
/// `issuer.apply`; `specs/credentials.md` §5.1), namespace `cred.used`: digest → `u64 height`.
/// A signed body carries a fresh nonce, so its digest is new, and it applies once: wrapped
/// again in another transaction (new one-time key, new envelope) it is refused.
enum AppliedBodyDigests {
    /// Records `digest` as applied at `height`.
    /// - Throws: `ChainError.replayedBody` when it already applied.
    static func claim(_ digest: [UInt8], height: UInt64, state: StateTransaction) throws {
        guard try state.value(namespace: CredentialLedgerState.appliedBodies, key: digest) == nil else {
            throw ChainError(.replayedBody, "This signed body has already applied; sign a new one, with a fresh nonce, to act again.")
        }
        state.put(namespace: CredentialLedgerState.appliedBodies, key: digest, value: CredentialLedgerState.u64(height))
    }
}
