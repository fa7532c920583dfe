public import KeyCustody

/// Answers auditors' signed queries from the audit index, recording each query on the chain
/// before answering it (`specs/audit.md` §5). A query that is stale, by an unknown auditor,
/// badly signed or outside the auditor's scope is refused before anything is recorded.
///
/// ```swift
/// // `officeKey` takes a key from the audit office's OneTimeKeyPool, refilling it from the MS.
/// let service = AuditService(ledger: node.store, index: index, clock: SystemClock(), oneTimeKey: officeKey)
/// let answer = try await service.answer(request) { try await node.submit($0) }
/// ```
public struct AuditService: Sendable {
    private let ledger: any BlockStore
    private let index: AuditIndex
    private let clock: any ChainClock
    private let oneTimeKey: @Sendable () async throws -> OneTimeKeyCredential

    /// Creates the service.
    /// - Parameters:
    ///   - ledger: the chain's block store (state and blocks).
    ///   - index: the auditor's index, followed before each answer.
    ///   - clock: the time stale requests are judged by.
    ///   - oneTimeKey: hands out a fresh certified one-time key of the member that submits the
    ///     audit records (the auditor's own membership).
    public init(ledger: any BlockStore, index: AuditIndex, clock: any ChainClock,
                oneTimeKey: @escaping @Sendable () async throws -> OneTimeKeyCredential) {
        self.ledger = ledger
        self.index = index
        self.clock = clock
        self.oneTimeKey = oneTimeKey
    }

    /// Checks a request, records it on the chain, and answers it.
    /// - Parameters:
    ///   - request: the auditor's signed request.
    ///   - submit: commits a transaction (the node's `submit`) and returns its receipt.
    /// - Returns: the answer, with the receipt of the query's record.
    /// - Throws: `ChainError.unauthorized` (stale, unknown auditor, bad signature, out of
    ///   scope) or `.notFound` (a link to a transaction the ledger does not hold), and then
    ///   nothing is recorded; any refusal of `submit`, and then nothing is answered.
    public func answer(_ request: SignedAuditRequest, submit: (Transaction) async throws -> TransactionReceipt) async throws -> AuditAnswer {
        guard let chainId = try ledger.genesis()?.chainId else { throw ChainError(.notFound, "The ledger holds no chain.") }
        let scope = try request.authorize(chainId: chainId, state: ledger, now: clock.nowMilliseconds())
        _ = try index.follow(store: ledger)
        if case .link(let id) = request.query.kind {
            guard let entry = try index.link(id) else {
                throw ChainError(.notFound, "Transaction \(id) is not in the audit index; check the id or wait for its block.")
            }
            guard scope.contains(time: entry.time, type: entry.type) else {
                throw ChainError.unauthorized("Transaction \(id) is outside auditor '\(request.auditor)''s scope.")
            }
        }
        let record = try Transaction(type: .auditQuery, body: request.body, chainId: chainId, oneTimeKey: try await oneTimeKey())
        let receipt = try await submit(record)
        guard try ledger.location(of: record.id) != nil else {
            throw ChainError.storage("The audit query was acknowledged but is not in the ledger; it is not answered.")
        }
        _ = try index.follow(store: ledger)
        return AuditAnswer(request: request, record: receipt, scope: scope, result: try result(of: request.query, within: scope))
    }

    private func result(of query: AuditQuery, within scope: AuditorScope) throws -> AuditAnswer.Result {
        switch query.kind {
        case .link(let id):
            guard let entry = try index.link(id) else { throw ChainError(.notFound, "Transaction \(id) left the audit index.") }
            // The name is sealed to the auditor in public state: only the auditor's keys read it.
            let name = try ledger.value(namespace: ChainNamespace.member, key: entry.memberHandle.bytes)
                .flatMap { try? MemberRecord(canonicalBytes: $0).openProfile(with: index.keys).name }
            return .link(entry, memberName: name)
        case .trace(let member):
            return .trace(try index.trace(member).filter { scope.contains(time: $0.time, type: $0.type) })
        case .log:
            return .log(try index.queries().filter { scope.contains(time: $0.time, type: .auditQuery) })
        }
    }
}
