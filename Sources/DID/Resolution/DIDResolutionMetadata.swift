/// Metadata about the resolution itself (W3C DID Resolution §4.2, "DID Resolution Metadata").
public struct DIDResolutionMetadata: Hashable, Sendable {
    /// The media type of the returned document representation.
    public var contentType: String?
    /// Why resolution failed, or `nil` when it succeeded.
    public var error: DIDError.Code?
    /// A human sentence explaining ``error``.
    public var errorMessage: String?

    /// Makes resolution metadata.
    /// - Parameters:
    ///   - contentType: the document's media type, on success.
    ///   - error: the failure code, on failure.
    ///   - errorMessage: the failure explained.
    public init(contentType: String? = nil, error: DIDError.Code? = nil, errorMessage: String? = nil) {
        self.contentType = contentType
        self.error = error
        self.errorMessage = errorMessage
    }
}
