/// A delegation as the chain records it in namespace `delegation`, under its id.
public struct DelegationRecord: StateRecord, Hashable {
    /// The delegation's id.
    public var id: DelegationID
    /// What was granted.
    public var terms: DelegationTerms
    /// The block time of the grant, milliseconds since 1970.
    public var grantedAt: UInt64
    /// The block time of the revocation, if revoked.
    public var revokedAt: UInt64?

    /// Creates a record.
    public init(id: DelegationID, terms: DelegationTerms, grantedAt: UInt64, revokedAt: UInt64? = nil) {
        self.id = id
        self.terms = terms
        self.grantedAt = grantedAt
        self.revokedAt = revokedAt
    }
}
