public import Primitives

/// Metadata about the resolved document (W3C DID Core §7.1.3, "DID Document Metadata").
public struct DIDDocumentMetadata: Hashable, Sendable {
    /// When the DID was created.
    public var created: DIDDateTime?
    /// When the returned version was made, if not the first.
    public var updated: DIDDateTime?
    /// `true` when the DID has been deactivated.
    public var deactivated: Bool?
    /// The version of the returned document.
    public var versionId: String?
    /// When the next version took effect, when an older version was asked for.
    public var nextUpdate: DIDDateTime?
    /// The id of the next version, when an older version was asked for.
    public var nextVersionId: String?
    /// Other DIDs the method guarantees denote the same subject.
    public var equivalentId: [DID]
    /// The DID's canonical form, when the method defines one.
    public var canonicalId: DID?
    /// Method-specific metadata, written after the members above.
    public var additionalProperties: JSONObject

    /// Makes document metadata; every member defaults to absent.
    /// - Parameters:
    ///   - created: creation time.
    ///   - updated: time of the returned version.
    ///   - deactivated: whether the DID is deactivated.
    ///   - versionId: the returned version.
    ///   - nextUpdate: time of the next version.
    ///   - nextVersionId: the next version.
    ///   - equivalentId: equivalent DIDs.
    ///   - canonicalId: the canonical DID.
    ///   - additionalProperties: method-specific members.
    public init(created: DIDDateTime? = nil, updated: DIDDateTime? = nil, deactivated: Bool? = nil,
                versionId: String? = nil, nextUpdate: DIDDateTime? = nil, nextVersionId: String? = nil,
                equivalentId: [DID] = [], canonicalId: DID? = nil, additionalProperties: JSONObject = JSONObject()) {
        self.created = created
        self.updated = updated
        self.deactivated = deactivated
        self.versionId = versionId
        self.nextUpdate = nextUpdate
        self.nextVersionId = nextVersionId
        self.equivalentId = equivalentId
        self.canonicalId = canonicalId
        self.additionalProperties = additionalProperties
    }
}
