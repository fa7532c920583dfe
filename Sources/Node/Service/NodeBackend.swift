public import Credentials
public import DID
public import Chain
public import Primitives

/// What the HTTP API needs from a running node: the handlers are thin, so every decision is
/// the backend's. `didctl node start` implements it over the chain in the data directory;
/// tests implement it with small in-memory doubles.
///
/// ```swift
/// struct MyBackend: NodeBackend { … }
/// let server = NodeHTTPServer(backend: MyBackend(), configuration: HTTPServerConfiguration(port: 0))
/// try await server.run { url in print(url) }
/// ```
public protocol NodeBackend: Sendable {
    /// Resolves the DIDs `GET /1.0/identifiers/{did}` is asked for.
    var resolver: any DIDResolver { get }

    /// Verifies a credential (`POST /credentials/verify`).
    /// - Parameters:
    ///   - input: the `verifiableCredential` member: a credential object or a compact JWT string.
    ///   - options: the request's `options` object; unknown members must be ignored.
    /// - Returns: the verdict, each check named.
    func verifyCredential(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict

    /// Verifies a presentation (`POST /presentations/verify`).
    /// - Parameters:
    ///   - input: the `verifiablePresentation` member: an object or a compact JWT string.
    ///   - options: the request's `options` (`challenge`, `domain`, others ignored).
    /// - Returns: the verdict, each check named.
    func verifyPresentation(_ input: JSONValue, options: VerificationOptions) async -> VerificationVerdict

    /// A fresh single-use challenge for a later presentation (`POST /challenges`).
    /// - Returns: the challenge, or `nil` when the node holds as many unanswered challenges as
    ///   it may (answered 429).
    func createChallenge() async -> String?

    /// Issues a credential for the issuer the bearer token authenticates (`POST /credentials/issue`).
    /// - Parameters:
    ///   - credential: the request's `credential` object.
    ///   - options: the request's `options` object.
    ///   - bearer: the `Authorization: Bearer` token, or `nil` when none was sent.
    /// - Returns: the issued credential or why not.
    func issueCredential(_ credential: JSONObject, options: JSONObject, bearer: String?) async -> IssueOutcome

    /// Changes a credential's status: revoke, suspend, reinstate (`POST /credentials/status`).
    /// - Parameters:
    ///   - request: the whole request object (VC API `UpdateCredentialStatusRequest`).
    ///   - bearer: the `Authorization: Bearer` token, or `nil`.
    /// - Returns: the update or why not.
    func updateStatus(_ request: StatusChangeRequest, bearer: String?) async -> StatusOutcome

    /// The status list credential with this id (`GET /status-lists/{id}`), or `nil` if none.
    func statusListCredential(id: String) async -> JSONValue?

    /// Answers an auditor's signed query (`POST /audit/link|trace|log`), recording it first.
    func audit(_ request: SignedAuditRequest) async -> AuditOutcome

    /// The node's liveness figures (`GET /healthz`, and gauges of `GET /metrics`).
    func health() async -> NodeHealth

    /// Submits a transaction a client signed (`POST /transactions`).
    /// - Parameters:
    ///   - wire: its wire bytes (`specs/chain.md` §2.1).
    ///   - wait: whether to answer once it is committed, or once it is accepted.
    func submitTransaction(_ wire: [UInt8], wait: Bool) async -> TransactionOutcome

    /// What the node knows of a transaction (`GET /transactions/{id}`), `nil` when nothing.
    /// - Throws: when the ledger cannot be read.
    func transactionState(_ id: TransactionID) async throws -> TransactionState?

    /// Certifies a member's one-time keys (`POST /membership/certificates`).
    func certifyOneTimeKeys(_ request: OneTimeKeyRequest) async -> CertificationOutcome

    /// Files a request to be admitted as a member (`POST /membership/requests`).
    func fileMembershipRequest(_ request: MembershipRequest) async -> MembershipRequestOutcome

    /// The membership requests awaiting the committee (`GET /membership/requests`), for a
    /// committee member only.
    /// - Parameter signature: the committee member's signature of the read.
    /// - Throws: `ChainError.unauthorized` when the signature is not a sitting member's, fresh;
    ///   others when the requests or the state cannot be read.
    func pendingMembershipRequests(signedBy signature: CommitteeReadSignature) async throws -> [MembershipRequestState]

    /// Creates, updates or deactivates a DID for the logged-in account of `bearer`
    /// (`POST /1.0/create|update|deactivate`).
    func registerDID(_ request: DIDRegistrationRequest, bearer: String?) async -> DIDRegistrationOutcome

    /// The issuer registry (`GET /issuers`).
    /// - Throws: when the state cannot be read.
    func issuers() async throws -> [IssuerRecord]

    /// A delegation as the chain holds it (`GET /delegations/{id}`), `nil` when there is none.
    /// - Throws: when the state cannot be read.
    func delegation(_ id: DelegationID) async throws -> DelegationRecord?

    /// Checks an authorization grant for its grantee (`POST /authorizations/check`): the
    /// grantee signed a challenge of this node's (`POST /challenges`), which is used up.
    func checkAuthorization(grantId: [UInt8], scope: String, nonce: String, signature: [UInt8]) async -> AuthorizationCheckOutcome

    /// Logs a full-custody account in (`POST /sessions`): its vault keys are unlocked for the
    /// session only.
    func openSession(username: String, password: SecureBytes) async -> SessionOutcome

    /// Ends the session of a bearer token (`DELETE /sessions/current`).
    /// - Returns: whether the token named a session.
    func closeSession(bearer: String) async -> Bool

    /// A registered CPT (`GET /cpts/{id}`), `nil` when there is none.
    /// - Throws: when the state cannot be read.
    func registeredSchema(_ id: CPTIdentifier) async throws -> RegisteredSchema?

    /// The CPT a `cpt.register` transaction registered (`GET /cpts?registeredBy=`), `nil` when none.
    /// - Throws: when the state cannot be read.
    func registeredSchema(registeredBy transaction: TransactionID) async throws -> RegisteredSchema?

    /// A governance proposal's approvals (`GET /governance/proposals/{id}`), `nil` before any.
    /// - Throws: when the state cannot be read.
    func proposal(_ proposalId: [UInt8]) async throws -> GovernanceProposalState?

    /// One index of a status list: its bit and update counter (`GET /status-entries`), `nil`
    /// for an unknown list.
    /// - Throws: when the state cannot be read or the index is outside the list.
    func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64)?

    /// The status indexes an issuer's next batch of `count` would take (`GET /status-allocations`).
    /// - Throws: `CredentialsError` for a bad request; others when the state cannot be read.
    func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation]

    /// Block headers, newest first, from `height` (the head when `nil`) down, at most `limit`
    /// (`GET /blocks`).
    /// - Throws: when the ledger cannot be read.
    func blockHeaders(from height: UInt64?, limit: Int) async throws -> [SignedBlockHeader]

    /// The blocks final on this node from `height` up, at most `count`, with their transactions
    /// and stored signatures (`GET /blocks/{height}`, for peers catching up,
    /// `specs/consortium.md` §3.3).
    /// - Throws: when the ledger cannot be read.
    func finalBlocks(from height: UInt64, count: Int) async throws -> [Block]

    /// Answers a request of another host's vault coordinator to the vault node this node
    /// serves (`POST /vault/requests`, `specs/custody-vault.md` §9).
    func answerVaultRequest(_ body: [UInt8]) async -> VaultRequestOutcome
}

extension NodeBackend {
    /// A backend without a chain to write to answers that it takes no transactions.
    public func submitTransaction(_ wire: [UInt8], wait: Bool) async -> TransactionOutcome {
        .unavailable("This node does not take transactions.")
    }

    /// A backend without a chain knows no transactions.
    public func transactionState(_ id: TransactionID) async throws -> TransactionState? { nil }

    /// A backend without a chain admits no one.
    public func fileMembershipRequest(_ request: MembershipRequest) async -> MembershipRequestOutcome {
        .refused(code: ChainError.Code.unavailable.name, reason: "This node does not take membership requests.")
    }

    /// A backend without a chain holds no requests.
    public func pendingMembershipRequests(signedBy signature: CommitteeReadSignature) async throws -> [MembershipRequestState] { [] }

    /// A backend without accounts registers nothing.
    public func registerDID(_ request: DIDRegistrationRequest, bearer: String?) async -> DIDRegistrationOutcome {
        .unauthorized("This node holds no accounts to register DIDs for.")
    }

    /// A backend without a chain has no issuers.
    public func issuers() async throws -> [IssuerRecord] { [] }

    /// A backend without a chain has no delegations.
    public func delegation(_ id: DelegationID) async throws -> DelegationRecord? { nil }

    /// A backend without a chain has no grants.
    public func checkAuthorization(grantId: [UInt8], scope: String, nonce: String, signature: [UInt8]) async -> AuthorizationCheckOutcome {
        .refused("This node keeps no authorization grants.")
    }

    /// A backend without accounts opens no sessions.
    public func openSession(username: String, password: SecureBytes) async -> SessionOutcome {
        .forbidden("This node holds no accounts to log in to.")
    }

    /// A backend without accounts has no sessions to close.
    public func closeSession(bearer: String) async -> Bool { false }

    /// A backend without a chain has no CPTs.
    public func registeredSchema(_ id: CPTIdentifier) async throws -> RegisteredSchema? { nil }

    /// A backend without a chain has no CPTs.
    public func registeredSchema(registeredBy transaction: TransactionID) async throws -> RegisteredSchema? { nil }

    /// A backend without a chain has no proposals.
    public func proposal(_ proposalId: [UInt8]) async throws -> GovernanceProposalState? { nil }

    /// A backend without a chain has no status lists.
    public func statusEntry(list: String, index: Int) async throws -> (value: Int, counter: UInt64)? { nil }

    /// A backend without a chain plans nothing.
    public func plannedAllocations(issuer: DID, purpose: StatusPurpose, count: Int) async throws -> [StatusAllocation] { [] }

    /// A backend without a chain has no blocks.
    public func blockHeaders(from height: UInt64?, limit: Int) async throws -> [SignedBlockHeader] { [] }

    /// A backend without a chain has no blocks.
    public func finalBlocks(from height: UInt64, count: Int) async throws -> [Block] { [] }

    /// A backend that serves no vault node says so.
    public func answerVaultRequest(_ body: [UInt8]) async -> VaultRequestOutcome { .notServed }

    /// A backend without a membership service certifies nothing.
    public func certifyOneTimeKeys(_ request: OneTimeKeyRequest) async -> CertificationOutcome {
        .refused(code: ChainError.Code.unavailable.name, reason: "This node runs no membership service.")
    }
}
