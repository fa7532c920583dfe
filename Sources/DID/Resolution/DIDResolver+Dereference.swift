import Foundation
import Primitives

extension DIDResolver {
    /// Dereferences a DID URL (DID Resolution §5, the parts a document of this node can answer):
    /// resolves its DID (with the `versionId` and `versionTime` DID parameters), then selects a
    /// service by the `service` parameter (its endpoint, with `relativeRef` appended) or a
    /// verification method or service by the fragment. A path, or another DID parameter, names
    /// nothing here: `notFound` and `invalidDidUrl`.
    /// - Parameters:
    ///   - text: the DID URL.
    ///   - options: resolution options; the URL's own DID parameters take precedence.
    /// - Returns: what the URL names, or why nothing.
    public func dereference(parsing text: String, options: DIDResolutionOptions = DIDResolutionOptions()) async -> DIDDereferencingResult {
        let url: DIDURL
        do { url = try DIDURL(parsing: text) } catch {
            return .failure(error as? DIDError ?? DIDError.invalidDIDURL("\(error)"))
        }
        let supported: Set = ["service", "relativeRef", "versionId", "versionTime"]
        if let other = url.queryParameters.first(where: { !supported.contains($0.name) }) {
            return .failure(.invalidDIDURL("The DID parameter '\(other.name)' is not supported; this resolver takes "
                                           + supported.sorted().joined(separator: ", ") + "."))
        }
        guard url.path.isEmpty else { return .failure(DIDError(.notFound, "A DID URL path names no resource of \(url.did).")) }
        var resolutionOptions = options
        if let versionId = url.versionId { resolutionOptions.versionId = versionId }
        if let versionTime = url.versionTime { resolutionOptions.versionTime = versionTime }
        let result = await resolve(url.did, options: resolutionOptions)
        if let error = result.error { return .failure(error) }
        guard let document = result.didDocument else { return .document(result) }
        if let name = url.service {
            guard let service = document.service.first(where: { $0.id == "\(url.did)#\(name)" || $0.id == name }) else {
                return .failure(DIDError(.notFound, "\(url.did) has no service '\(name)'."))
            }
            guard let endpoint = service.serviceEndpoint.stringValue else {
                return .failure(DIDError(.notFound, "The service '\(name)' of \(url.did) has no single endpoint URL to select."))
            }
            // relativeRef is a relative reference resolved against the endpoint (RFC 3986 §5).
            guard let relativeRef = url.relativeRef else { return .serviceEndpoint(endpoint) }
            guard let base = URL(string: endpoint), let resolved = URL(string: relativeRef, relativeTo: base)?.absoluteString else {
                return .failure(.invalidDIDURL("'relativeRef' \(relativeRef) does not resolve against the endpoint \(endpoint)."))
            }
            return .serviceEndpoint(resolved)
        }
        guard url.fragment != nil else { return .document(result) }
        let target: DIDURL
        do { target = try DIDURL(did: url.did, fragment: url.fragment) } catch {
            return .failure(error as? DIDError ?? DIDError.invalidDIDURL("\(error)"))
        }
        guard let resource = document.dereference(target) else {
            return .failure(DIDError(.notFound, "\(url.did) has no verification method or service #\(url.fragment ?? "")."))
        }
        return .resource(resource, result.didDocumentMetadata)
    }
}
