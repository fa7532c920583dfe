/// What dereferencing a DID URL found (DID Resolution §5): the DID's document, a resource in
/// it named by a fragment, a service endpoint the `service` parameter selects, or why nothing.
public enum DIDDereferencingResult: Sendable {
    /// A DID URL with no fragment or service parameter: the DID's resolution result.
    case document(DIDResolutionResult)
    /// The verification method or service a fragment names, and the document's metadata.
    case resource(DIDDocumentResource, DIDDocumentMetadata)
    /// The endpoint of the service the `service` parameter names, with `relativeRef` appended.
    case serviceEndpoint(String)
    /// Nothing: `invalidDidUrl`, `notFound` (no such fragment, service or path), or the DID's
    /// own resolution error.
    case failure(DIDError)
}
