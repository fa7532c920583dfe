public import DID
public import Primitives

/// The chain-backed ``CredentialRegistry``: what verification reads, straight from state.
extension CredentialLedger: CredentialRegistry {
    /// The registered CPT with this identifier.
    public func credentialSchema(id: CPTIdentifier) throws -> CredentialSchema? {
        try schema(id)?.schema
    }

    /// Whether `issuer` was accredited for the CPT `schema` at `time`; accreditation covers
    /// every version of a CPT.
    public func isAccredited(issuer: DID, schema: CPTIdentifier, at time: Int64) throws -> Bool {
        guard time >= 0 else { return false }
        return try isAccredited(issuer: issuer, schema: schema.number, at: UInt64(time))
    }

    /// The status list with this identifier.
    public func registeredStatusList(id: String) throws -> RegisteredStatusList? {
        try statusList(id: id).map { RegisteredStatusList(issuer: $0.issuer, list: $0.list) }
    }

    /// The anchor with this root.
    public func registeredAnchor(root: [UInt8]) throws -> RegisteredAnchor? {
        try anchor(root: root).map { RegisteredAnchor(issuer: $0.issuer, height: $0.height, time: Int64(clamping: $0.time)) }
    }
}
