package import Chain

/// The node's write endpoints for clients that sign for themselves: one-time key certificates
/// from the membership service, then transactions signed with those keys.
extension ChainNodeBackend {
    package func submitTransaction(_ wire: [UInt8], wait: Bool) async -> TransactionOutcome {
        await transactions.submit(wire: wire, wait: wait)
    }

    package func transactionState(_ id: TransactionID) async throws -> TransactionState? {
        try transactions.state(of: id)
    }

    package func certifyOneTimeKeys(_ request: OneTimeKeyRequest) async -> CertificationOutcome {
        OneTimeKeyCertification(service: runtime.membershipService, clock: runtime.clock).certify(request)
    }
}
