package import Chain
package import Credentials
package import DID
package import KeyCustody
package import Primitives

/// Where a use case sends its transactions and reads what it needs to build them: the data
/// directory's own chain (``NodeRuntime``), or a running node over its HTTP API (the CLI's
/// `--node`). Either way the transaction is signed where the member's keys are.
package protocol ChainGateway: Sendable {
    /// The chain's id, which every signature commits to.
    var chainId: String { get }

    /// The chain's crypto suite (`specs/chain.md` §9): on an sm chain, new DIDs' inception keys
    /// are SM2.
    var suite: ChainCryptoSuite { get }

    /// Commits a transaction under a fresh one-time key of `member`, certified for it, and
    /// waits until its block is durable.
    /// - Parameters:
    ///   - type: the transaction type.
    ///   - body: the body, whose own signatures (by DID keys) are already made.
    ///   - member: the long-term key of the submitting member, which signs its certificate request.
    /// - Returns: the receipt of the committed transaction.
    /// - Throws: `ChainError` with the refusal code when the chain or the membership service
    ///   refuses; `NodeError` when the node cannot be reached.
    func submit(type: TransactionType, body: [UInt8], member: CustodyKey) async throws -> TransactionReceipt

    /// The membership epoch now, by the chain's clock (what admissions seal to and one-time
    /// keys are certified for).
    func currentEpoch() async throws -> UInt64

    /// Resolves a DID as the chain holds it now.
    func resolve(_ did: DID) async -> DIDResolutionResult

    /// The delegation record with this id, or `nil` when there is none.
    /// - Throws: when it cannot be read.
    func delegationRecord(_ id: DelegationID) async throws -> DelegationRecord?

    /// The CPT a `cpt.register` transaction registered, or `nil`.
    /// - Throws: when it cannot be read.
    func schemaIdentifier(registeredBy transaction: TransactionID) async throws -> CPTIdentifier?

    /// A governance proposal's approvals, or `nil` before any.
    /// - Throws: when it cannot be read.
    func proposal(_ proposalId: [UInt8]) async throws -> GovernanceProposalState?

    /// One index of a status list: its bit, and the update counter a `status.update` of it
    /// names (`specs/credentials.md` §5.5).
    /// - Throws: when it cannot be read; `CredentialsError` for an unknown list.
    func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64)

    /// The JSON Schema of a registered CPT, or `nil`.
    /// - Throws: when it cannot be read.
    func credentialSchema(id: String) async throws -> CredentialSchema?

    /// The status indexes the next batch of `count` credentials of `issuer` would take
    /// (`specs/credentials.md` §5.6), from committed state.
    /// - Throws: when it cannot be read.
    func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation]

    /// Files a membership request (`specs/chain.md` §5.1).
    /// - Returns: its state, approvals included.
    /// - Throws: `ChainError` when it is refused; `NodeError` when the node cannot be reached.
    func fileMembershipRequest(_ request: MembershipRequest) async throws -> MembershipRequestState

    /// The membership requests awaiting the committee, read as committee member `approver`.
    /// - Throws: `ChainError.unauthorized` when `approver` is not a sitting committee member.
    func pendingMembershipRequests(approver: String, committeeKey: Secp256k1PrivateKey) async throws -> [MembershipRequestState]

    /// The issuer registry: every applicant with its accreditations.
    /// - Throws: when it cannot be read.
    func issuers() async throws -> [IssuerRecord]

    /// A fresh nonce for an authorization check: through a node, its single-use challenge
    /// (`POST /challenges`); on the data directory, 32 random bytes.
    func authorizationNonce() async throws -> [UInt8]

    /// Checks a grant with the grantee's recoverable signature over `check`.
    /// - Returns: the verdict: granted, or the condition that failed.
    /// - Throws: when no verdict could be reached (a used or unknown challenge, unreadable state).
    func checkAuthorization(_ check: AuthorizationCheck, signature: [UInt8]) async throws -> AuthorizationVerdict

    /// One lane per issuer DID, in which this process plans and anchors its batches one at a time.
    var issuerLanes: IssuerLanes { get }

    /// The clock issuance dates credentials by.
    var clock: any ChainClock { get }

    /// Releases what the gateway holds (the local node's orderer); later calls may fail.
    func close()
}

extension NodeRuntime: ChainGateway {
    package var chainId: String { genesis.chainId }

    package var suite: ChainCryptoSuite { node.suite }

    package func resolve(_ did: DID) async -> DIDResolutionResult { await resolver().resolve(did) }

    package func currentEpoch() async throws -> UInt64 { schedule.epoch(atMilliseconds: clock.nowMilliseconds()) }

    package func delegationRecord(_ id: DelegationID) async throws -> DelegationRecord? {
        try store.value(namespace: ChainNamespace.delegation, key: id.bytes).map { try DelegationRecord(canonicalBytes: $0) }
    }

    package func schemaIdentifier(registeredBy transaction: TransactionID) async throws -> CPTIdentifier? {
        try credentialRegistry().schemaIdentifier(registeredBy: transaction)
    }

    package func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64) {
        guard let entry = try statusEntryIfListed(list: list, index: index) else {
            throw NodeError.refusal("No status list \(list) on this chain.")
        }
        return entry
    }

    /// One index of a status list, or `nil` when the chain has no such list (`GET /status-entries`
    /// answers 404 for it; a use case refuses).
    /// - Throws: `ChainError` when the state cannot be read; `CredentialsError` for an index
    ///   outside the list.
    package func statusEntryIfListed(list: String, index: Int) throws -> (value: Int, counter: UInt64)? {
        let registry = credentialRegistry()
        guard let registered = try registry.registeredStatusList(id: list) else { return nil }
        return (try registered.list.status(at: index), try registry.statusUpdateCounter(list: list, index: index))
    }

    package func credentialSchema(id: String) async throws -> CredentialSchema? {
        try CPTIdentifier(id).flatMap { try credentialRegistry().credentialSchema(id: $0) }
    }

    package func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation] {
        try credentialRegistry().plannedAllocations(issuer: issuer, purpose: purpose, count: count)
    }

    package func fileMembershipRequest(_ request: MembershipRequest) async throws -> MembershipRequestState {
        switch await MembershipDesk(runtime: self).file(request) {
        case .filed(let state): return state
        case .refused(let code, let reason): throw ChainError(ChainError.Code(code), reason)
        case .failed(let detail): throw NodeError(detail)
        }
    }

    package func pendingMembershipRequests(approver: String, committeeKey: Secp256k1PrivateKey) async throws -> [MembershipRequestState] {
        // The data directory's holder reads its files directly; the signature is still checked,
        // so a key that is not the committee's is told so here as through a node.
        let now = clock.nowMilliseconds()
        try CommitteeReadSignature(resource: MembershipDesk.listResource, approver: approver, key: committeeKey, chainId: chainId, time: now)
            .check(resource: MembershipDesk.listResource, chainId: chainId, state: store, now: now)
        return try MembershipDesk(runtime: self).pending()
    }

    package func issuers() async throws -> [IssuerRecord] { try credentialRegistry().issuers() }

    package func authorizationNonce() async throws -> [UInt8] { SecureRandom.bytes(count: 32) }

    package func checkAuthorization(_ check: AuthorizationCheck, signature: [UInt8]) async throws -> AuthorizationVerdict {
        try credentialRegistry().checkAuthorization(id: check.grantId, scopeItem: check.scopeItem, nonce: check.nonce, signature: signature,
                                                    now: clock.nowMilliseconds())
    }

    package func close() { node.shutdown() }
}
