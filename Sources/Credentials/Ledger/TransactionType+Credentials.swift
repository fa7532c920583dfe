public import Chain

extension TransactionType {
    /// Registers a credential schema (CPT) or a new version of one.
    public static let cptRegister: TransactionType = "cpt.register"
    /// Records an issuer's application for accreditation.
    public static let issuerApply: TransactionType = "issuer.apply"
    /// Sets one status bit of an issuer's status list.
    public static let statusUpdate: TransactionType = "status.update"
    /// Anchors an issuance batch's Merkle root and allocates its status indexes.
    public static let evidenceAnchor: TransactionType = "evidence.anchor"
    /// Records a holder's authorisation grant.
    public static let authorizationGrant: TransactionType = "authz.grant"
    /// Revokes a holder's authorisation grant.
    public static let authorizationRevoke: TransactionType = "authz.revoke"
}
