/// The output of DID resolution (W3C DID Resolution §4.2): the document, if any, with
/// metadata about the resolution and about the document.
///
/// A failure is a result whose ``didResolutionMetadata`` carries the error code:
/// ```swift
/// let result = await resolver.resolve(parsing: "did:example:123")
/// result.didResolutionMetadata.error    // .methodNotSupported
/// print(result.jsonValue.prettyPrinted())
/// ```
public struct DIDResolutionResult: Hashable, Sendable {
    /// The JSON-LD context of a serialized resolution result.
    public static let context = "https://w3id.org/did-resolution/v1"

    /// The document, or `nil` when resolution failed.
    public var didDocument: DIDDocument?
    /// How resolution went: the content type, or the error.
    public var didResolutionMetadata: DIDResolutionMetadata
    /// Facts about the document: versions, times, deactivation.
    public var didDocumentMetadata: DIDDocumentMetadata

    /// Makes a result.
    /// - Parameters:
    ///   - didDocument: the document, or `nil`.
    ///   - didResolutionMetadata: metadata about the resolution.
    ///   - didDocumentMetadata: metadata about the document.
    public init(didDocument: DIDDocument?, didResolutionMetadata: DIDResolutionMetadata = DIDResolutionMetadata(),
                didDocumentMetadata: DIDDocumentMetadata = DIDDocumentMetadata()) {
        self.didDocument = didDocument
        self.didResolutionMetadata = didResolutionMetadata
        self.didDocumentMetadata = didDocumentMetadata
    }

    /// Makes the result of a failed resolution: no document, the error's code and reason.
    /// - Parameter error: why resolution failed.
    public init(error: DIDError) {
        self.init(didDocument: nil, didResolutionMetadata: DIDResolutionMetadata(error: error.code, errorMessage: error.reason))
    }

    /// The failure as an error, or `nil` when resolution succeeded.
    public var error: DIDError? {
        didResolutionMetadata.error.map { DIDError($0, didResolutionMetadata.errorMessage ?? "\($0.name).") }
    }

    /// Whether resolution succeeded (a deactivated DID may still resolve successfully; see
    /// ``DIDDocumentMetadata/deactivated``).
    public var isSuccess: Bool { didResolutionMetadata.error == nil }
}
