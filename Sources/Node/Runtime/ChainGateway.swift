package import Chain
package import Credentials
package import DID
package import KeyCustody

/// Where a use case sends its transactions and reads what it needs to build them: the data
/// directory's own chain (``NodeRuntime``), or a running node over its HTTP API (the CLI's
/// `--node`). Either way the transaction is signed where the member's keys are.
package protocol ChainGateway: Sendable {
    /// The chain's id, which every signature commits to.
    var chainId: String { get }

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

    /// One lane per issuer DID, in which this process plans and anchors its batches one at a time.
    var issuerLanes: IssuerLanes { get }

    /// The clock issuance dates credentials by.
    var clock: any ChainClock { get }

    /// Releases what the gateway holds (the local node's orderer); later calls may fail.
    func close()
}

extension NodeRuntime: ChainGateway {
    package var chainId: String { genesis.chainId }

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

    package func credentialSchema(id: String) async throws -> CredentialSchema? { try credentialRegistry().credentialSchema(id: id) }

    package func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation] {
        try credentialRegistry().plannedAllocations(issuer: issuer, purpose: purpose, count: count)
    }

    package func close() { node.shutdown() }
}
