package import Chain
package import Credentials
package import DID
import Primitives

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
        guard let service = try? runtime.membershipService else {
            return .refused(code: ChainError.Code.unavailable.name,
                            reason: "This node does not run the chain's membership service; ask the node that made the chain for one-time keys.")
        }
        let outcome = OneTimeKeyCertification(service: service, clock: runtime.clock).certify(request)
        // A member the committee has not admitted yet is told so, with the approvals so far.
        if case .refused(let code, _) = outcome, code == ChainError.Code.unauthorized.name,
           let pending = try? membership.pendingRequest(of: request.memberHandle) {
            return .refused(code: ChainError.Code.awaitingApproval.name, reason: pending.summary)
        }
        return outcome
    }

    package func registerDID(_ request: DIDRegistrationRequest, bearer: String?) async -> DIDRegistrationOutcome {
        await registrar.register(request, bearer: bearer)
    }

    package func fileMembershipRequest(_ request: MembershipRequest) async -> MembershipRequestOutcome {
        await membership.file(request)
    }

    package func pendingMembershipRequests(signedBy signature: CommitteeReadSignature) async throws -> [MembershipRequestState] {
        try signature.check(resource: MembershipDesk.listResource, chainId: runtime.chainId, state: runtime.store,
                            now: runtime.clock.nowMilliseconds())
        return try membership.pending()
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

    package func finalBlocks(from height: UInt64, count: Int) async throws -> [Block] {
        try runtime.node.finalBlocks(from: height, count: count)
    }

    package func issuers() async throws -> [IssuerRecord] { try runtime.credentialRegistry().issuers() }

    package func delegation(_ id: DelegationID) async throws -> DelegationRecord? { try await runtime.delegationRecord(id) }

    package func checkAuthorization(grantId: [UInt8], scope: String, nonce: String, signature: [UInt8]) async -> AuthorizationCheckOutcome {
        let now = runtime.clock.nowMilliseconds()
        // The node's own single-use challenge: a signed answer cannot be replayed, here or elsewhere.
        switch (try? credentials.challenges.consume(nonce, now: Int64(now))) ?? .unknown {
        case .fresh: break
        case .used: return .refused("The challenge was used already; ask for a fresh one (POST /challenges).")
        case .expired: return .refused("The challenge has expired; ask for a fresh one (POST /challenges).")
        case .unknown: return .refused("The nonce is not a challenge of this node; ask for one (POST /challenges).")
        }
        do {
            return .verdict(try runtime.credentialRegistry().checkAuthorization(id: grantId, scopeItem: scope, nonce: Array(nonce.utf8),
                                                                                signature: signature, now: now))
        } catch let error as CredentialsError {
            return .refused(error.reason)
        } catch {
            return .failed("Checking grant \(Hex.encode(grantId)) failed: \(error)")
        }
    }

    package func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64)? {
        try runtime.statusEntryIfListed(list: list, index: index)
    }
}
