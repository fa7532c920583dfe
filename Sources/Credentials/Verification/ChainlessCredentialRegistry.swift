public import DID

/// The registry of a verifier with no chain (a `didctl credential verify` with no data
/// directory): every read throws `needsChain`, so the checks that read the chain (schema by
/// CPT, accreditation, status, evidence) are reported as needing one instead of failing.
public struct ChainlessCredentialRegistry: CredentialRegistry {
    /// Creates the registry.
    public init() {}

    public func credentialSchema(id: CPTIdentifier) throws -> CredentialSchema? { throw Self.needsChain("the schema \(id)") }
    public func isAccredited(issuer: DID, schema: CPTIdentifier, at time: Int64) throws -> Bool {
        throw Self.needsChain("whether \(issuer) is accredited for \(schema)")
    }
    public func registeredStatusList(id: String) throws -> RegisteredStatusList? { throw Self.needsChain("the status list \(id)") }
    public func registeredAnchor(root: [UInt8]) throws -> RegisteredAnchor? { throw Self.needsChain("the evidence anchor") }

    private static func needsChain(_ what: String) -> CredentialsError {
        CredentialsError(.needsChain, "Reading \(what) needs a chain: pass --data-dir DIR of a chain, or --node URL.")
    }
}
