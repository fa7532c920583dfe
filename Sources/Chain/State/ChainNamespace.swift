/// The world-state namespaces the chain itself writes (`specs/chain.md` §3).
public enum ChainNamespace {
    /// Spent one-time keys.
    public static let spentKeys = "otk"
    /// Admitted members by handle.
    public static let member = "member"
    /// Committee members by id.
    public static let committee = "committee"
    /// Admitted nodes by key.
    public static let node = "node"
    /// Admitted auditors by id.
    public static let auditor = "auditor"
    /// Governance proposals by id.
    public static let proposal = "proposal"
    /// Recorded audit queries.
    public static let audit = "audit"
    /// Auditors' query scopes.
    public static let auditScope = "auditScope"
    /// Chain configuration (`threshold`, `epochSeconds`, `membershipService`).
    public static let config = "config"
}
