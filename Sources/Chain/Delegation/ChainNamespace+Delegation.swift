extension ChainNamespace {
    /// Delegations by id (`specs/custody.md` "Delegated accounts").
    public static let delegation = "delegation"
    /// Each delegation's use in its current rate-limit window, by delegation id.
    public static let delegationUse = "delegation.use"
}

extension TransactionType {
    /// An account's signed grant of a delegation.
    public static let delegationGrant: TransactionType = "delegation.grant"
    /// The delegator's signed revocation of a delegation.
    public static let delegationRevoke: TransactionType = "delegation.revoke"
}
