/// The input options of W3C DID Resolution (§4.1, "DID Resolution Options").
public struct DIDResolutionOptions: Hashable, Sendable {
    /// The media types the caller accepts, as an HTTP `Accept` value; `nil` for the default
    /// `application/did+ld+json`. See ``DIDMediaType``.
    public var accept: String?
    /// A method-specific version of the document to return.
    public var versionId: String?
    /// The instant whose document version to return.
    public var versionTime: DIDDateTime?

    /// Makes resolution options.
    /// - Parameters:
    ///   - accept: accepted media types, or `nil` for the default.
    ///   - versionId: the version wanted, or `nil` for the latest.
    ///   - versionTime: the instant wanted, or `nil` for the latest.
    public init(accept: String? = nil, versionId: String? = nil, versionTime: DIDDateTime? = nil) {
        self.accept = accept
        self.versionId = versionId
        self.versionTime = versionTime
    }

    /// Whether a particular version is asked for, rather than the latest.
    public var isVersioned: Bool { versionId != nil || versionTime != nil }
}
