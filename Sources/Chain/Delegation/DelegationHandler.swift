import Primitives

/// Handles `delegation.grant` and `delegation.revoke` (`specs/custody.md` "Delegated
/// accounts"): a grant signed by its delegator key is recorded once under its id; a revocation
/// signed by the same key marks it revoked. Delegated operations themselves are applied by the
/// handler of their own type, through ``DelegationLedger``.
public struct DelegationHandler: TransactionHandler {
    /// The two delegation transactions.
    public enum Kind: Sendable, CaseIterable {
        case grant, revoke
    }

    /// Which transaction this handler applies.
    public let kind: Kind
    public var type: TransactionType { kind == .grant ? .delegationGrant : .delegationRevoke }

    /// A handler for one kind.
    public init(_ kind: Kind) { self.kind = kind }

    /// The handlers of both kinds, for a node's registry.
    public static func all() -> [DelegationHandler] { Kind.allCases.map(DelegationHandler.init) }

    /// What the stateless step keeps: a grant whose signature by its own delegator key holds,
    /// with its id; or a parsed revocation, whose signature is checked at apply against the
    /// key recorded in state.
    public enum Prepared: Sendable {
        case grant(DelegationGrant, id: DelegationID)
        case revoke(DelegationRevocation)
    }

    public func prepare(_ transaction: Transaction) throws -> Prepared {
        switch kind {
        case .grant:
            let grant = try DelegationGrant(body: transaction.body)
            guard grant.isSigned(chainId: transaction.chainId) else {
                throw ChainError.unauthorized("The grant is not signed by its 'delegatorKey'.")
            }
            return .grant(grant, id: try grant.terms.id())
        case .revoke: return .revoke(try DelegationRevocation(body: transaction.body))
        }
    }

    public func apply(_ prepared: Prepared, of transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        switch prepared {
        case .grant(let grant, let id):
            guard grant.terms.validUntil > context.time else {
                throw ChainError(.expiredDelegation, "The grant's 'validUntil' has already passed; choose a later time.")
            }
            guard try state.value(namespace: ChainNamespace.delegation, key: id.bytes) == nil else {
                throw ChainError(.alreadyExists, "Delegation \(id) is already recorded; grant again with a new time to renew it.")
            }
            try state.put(DelegationRecord(id: id, terms: grant.terms, grantedAt: context.time),
                          namespace: ChainNamespace.delegation, key: id.bytes)
        case .revoke(let revocation):
            guard var record = try state.record(DelegationRecord.self, namespace: ChainNamespace.delegation, key: revocation.id.bytes) else {
                throw ChainError(.notFound, "No delegation \(revocation.id) exists on this chain.")
            }
            let digest = DelegationRevocation.digest(id: revocation.id, time: revocation.time, chainId: context.chainId)
            guard let signature = try? Secp256k1ECDSASignature(compactRepresentation: revocation.signature),
                  try record.terms.signingKey().isValidSignature(signature, forDigest: digest) else {
                throw ChainError.unauthorized("The revocation is not signed by the key that granted delegation \(record.id).")
            }
            guard record.revokedAt == nil else {
                throw ChainError(.alreadyExists, "Delegation \(record.id) is already revoked.")
            }
            record.revokedAt = context.time
            try state.put(record, namespace: ChainNamespace.delegation, key: record.id.bytes)
        }
    }
}
