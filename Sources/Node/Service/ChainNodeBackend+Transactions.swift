package import Chain
package import Credentials
package import DID

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

/// Reads clients need to finish a write they made through the node.
extension ChainNodeBackend {
    package func registeredSchema(_ id: CPTIdentifier) async throws -> RegisteredSchema? { try runtime.registeredSchema(id) }

    package func registeredSchema(registeredBy transaction: TransactionID) async throws -> RegisteredSchema? {
        try runtime.registeredSchema(registeredBy: transaction)
    }

    package func proposal(_ proposalId: [UInt8]) async throws -> GovernanceProposalState? { try runtime.proposal(proposalId) }

    package func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation] {
        try await runtime.plannedAllocations(issuer: issuer, purpose: purpose, count: count)
    }

    package func blockHeaders(from height: UInt64?, limit: Int) async throws -> [SignedBlockHeader] {
        try runtime.store.headers(from: height, limit: limit)
    }

    package func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64)? {
        try runtime.statusEntryIfListed(list: list, index: index)
    }
}
