/// A part of a DID document that a DID URL fragment names.
public enum DIDDocumentResource: Hashable, Sendable {
    /// A verification method, top-level or embedded in a relationship.
    case verificationMethod(VerificationMethod)
    /// A service.
    case service(Service)
}

extension DIDDocument {
    /// Dereferences a DID URL fragment within this document (DID Resolution §5, secondary
    /// resource), as a verifier does with a proof's `verificationMethod`.
    /// - Parameter url: a DID URL of this document's DID with a fragment and no path or query.
    /// - Returns: the method or service whose id is `url`, or `nil` when the URL names another
    ///   DID, has a path or query, or matches nothing.
    public func dereference(_ url: DIDURL) -> DIDDocumentResource? {
        guard url.did == id, url.path.isEmpty, url.query == nil, url.fragment != nil else { return nil }
        if let method = allVerificationMethods.first(where: { $0.id == url }) { return .verificationMethod(method) }
        if let service = service.first(where: { $0.id == url.description }) { return .service(service) }
        return nil
    }

    /// Every verification method this document authorizes for `relationship`, in order:
    /// embedded ones, and referenced ones defined in this document (dangling references skipped).
    /// - Parameter relationship: the purpose the methods are used for.
    /// - Returns: the methods.
    public func verificationMethods(authorizedFor relationship: VerificationRelationship) -> [VerificationMethod] {
        self[relationship].compactMap { entry in
            switch entry {
            case .embedded(let method): method
            case .reference(let url): if case .verificationMethod(let method)? = dereference(url) { method } else { nil }
            }
        }
    }

    /// The verification method `url` names, if this document authorizes it for `relationship`:
    /// embedded there, or referenced there and defined in this document.
    /// - Parameters:
    ///   - url: the method's DID URL.
    ///   - relationship: the purpose the method is used for.
    /// - Returns: the method, or `nil` when it is not authorized for `relationship` here.
    public func verificationMethod(_ url: DIDURL, authorizedFor relationship: VerificationRelationship) -> VerificationMethod? {
        for entry in self[relationship] where entry.id == url {
            switch entry {
            case .embedded(let method): return method
            case .reference: if case .verificationMethod(let method) = dereference(url) { return method }
            }
        }
        return nil
    }
}
