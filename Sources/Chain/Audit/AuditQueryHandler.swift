/// Handles `audit.query`, the on-chain record of an audit query (`specs/audit.md` §5): the
/// body is the auditor's ``SignedAuditRequest``; it is accepted only from an admitted auditor,
/// signed with its registered key, within 5 minutes of the block time and within its scope.
/// Each request is recorded once: namespace `audit` maps its digest to the block height.
public struct AuditQueryHandler: TransactionHandler {
    /// The state namespace of recorded query digests.
    public static let namespace = ChainNamespace.audit

    public let type = TransactionType.auditQuery

    /// Creates the handler.
    public init() {}

    /// The parsed request; its signature is checked at apply, against the auditor's key in state.
    public func prepare(_ transaction: Transaction) throws -> SignedAuditRequest {
        try SignedAuditRequest(body: transaction.body)
    }

    public func apply(_ request: SignedAuditRequest, of transaction: Transaction, context: TransactionContext,
                      state: StateTransaction) throws {
        _ = try request.authorize(chainId: context.chainId, state: state, now: context.time)
        let digest = request.digest(chainId: context.chainId)
        guard try state.value(namespace: Self.namespace, key: digest) == nil else {
            throw ChainError(.alreadyExists, "This audit request is already recorded; sign a new one to ask again.")
        }
        var writer = ByteWriter(capacity: 8)
        writer.u64(context.height)
        state.put(namespace: Self.namespace, key: digest, value: writer.bytes)
    }
}
