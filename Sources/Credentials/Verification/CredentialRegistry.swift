public import DID
public import Primitives

/// What credential verification reads from the chain: registered schemas, accreditations,
/// status lists and evidence anchors. `CredentialLedger` answers from chain state;
/// ``InMemoryCredentialRegistry`` answers from memory for unit tests and offline checks.
public protocol CredentialRegistry: Sendable {
    /// The registered schema with this identifier, or `nil` when no such schema is registered.
    func credentialSchema(id: CPTIdentifier) throws -> CredentialSchema?
    /// Whether `issuer` was accredited for the CPT `schema` (any of its versions) at `time` (ms).
    func isAccredited(issuer: DID, schema: CPTIdentifier, at time: Int64) throws -> Bool
    /// The status list with this identifier and the DID that owns it, or `nil`.
    func registeredStatusList(id: String) throws -> RegisteredStatusList?
    /// The evidence anchor with this Merkle root, or `nil` when none was committed.
    func registeredAnchor(root: [UInt8]) throws -> RegisteredAnchor?
}

/// A status list as the registry holds it.
public struct RegisteredStatusList: Sendable {
    /// The DID that publishes the list; only its credentials may point at it.
    public let issuer: DID
    /// The bits.
    public let list: BitstringStatusList

    /// Creates a snapshot.
    public init(issuer: DID, list: BitstringStatusList) {
        self.issuer = issuer
        self.list = list
    }
}

/// A committed evidence anchor.
public struct RegisteredAnchor: Sendable, Hashable {
    /// The DID that anchored the batch.
    public let issuer: DID
    /// The block that holds the anchor.
    public let height: UInt64
    /// The block's time, ms since 1970: the trusted issuance time of every credential in the
    /// batch.
    public let time: Int64

    /// Creates a record.
    public init(issuer: DID, height: UInt64, time: Int64) {
        self.issuer = issuer
        self.height = height
        self.time = time
    }
}
