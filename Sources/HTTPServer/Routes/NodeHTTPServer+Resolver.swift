import Node
import DID
import Foundation
import HTTPTypes
import Hummingbird
import Primitives

extension NodeHTTPServer {
    /// The Universal Resolver binding of DID resolution: `GET /1.0/identifiers/{did}`.
    func addResolverRoutes(to router: Router<NodeRequestContext>) {
        on(router, .get, "/1.0/identifiers/**", waits: false) { request, _ in
            guard let representation = ResolutionRepresentation.negotiate(request.headers[.accept]) else {
                throw HTTPServerError(.notAcceptable, "Accept one of application/did-resolution, application/did-url-dereferencing, application/did, application/did+ld+json or application/did+json.")
            }
            let options = try Self.resolutionOptions(request, documentType: representation.documentType)
            let identifier = Self.identifier(in: request.uri.path)
            // A DID URL (a fragment, or a service selected by DID parameters) is dereferenced.
            let query = request.uri.queryParameters
            let parameters: [(name: String, value: String)] = ["service", "relativeRef"].compactMap { (name: String) in
                query[Substring(name)].map { (name, String($0)) }
            }
            // A dereferencing result was asked for: a plain DID is dereferenced to its document.
            if let url = Self.didURL(identifier, parameters: parameters) ?? (representation.isDereferencing ? identifier : nil) {
                return try Self.response(await backend.resolver.dereference(parsing: url, options: options), as: representation)
            }
            let result = await backend.resolver.resolve(parsing: identifier, options: options)
            return Self.response(result, as: representation)
        }
    }

    /// The DID URL a request names, or `nil` for a plain DID: the path's identifier with its
    /// encoded `?` and `#` (`%3F`, `%23`) restored, and the HTTP query's `service` and
    /// `relativeRef` taken as the DID URL's parameters (DID Resolution, HTTP(S) binding).
    static func didURL(_ identifier: String, parameters given: [(name: String, value: String)]) -> String? {
        var text = identifier.replacingOccurrences(of: "%23", with: "#", options: .caseInsensitive)
            .replacingOccurrences(of: "%3F", with: "?", options: .caseInsensitive)
        let fragment = text.firstIndex(of: "#").map { String(text[$0...]) } ?? ""
        if !fragment.isEmpty { text = String(text[..<text.firstIndex(of: "#")!]) }
        let allowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
        let parameters = given.compactMap { name, value in value.addingPercentEncoding(withAllowedCharacters: allowed).map { "\(name)=\($0)" } }
        if !parameters.isEmpty { text += (text.contains("?") ? "&" : "?") + parameters.joined(separator: "&") }
        text += fragment
        return text.contains("#") || text.contains("?") ? text : nil
    }

    /// A dereferencing's answer: the document as for resolution, the selected resource (alone,
    /// or in a dereferencing result for `application/did-resolution`), a 303 to a service
    /// endpoint, or the failure with its DID Resolution error.
    static func response(_ outcome: DIDDereferencingResult, as representation: ResolutionRepresentation) throws -> Response {
        switch outcome {
        case .document(let result) where representation.isDereferencing && result.didDocument != nil:
            return Response.json(["@context": .string(DIDResolutionResult.context),
                                  "dereferencingMetadata": result.didResolutionMetadata.jsonValue,
                                  "contentStream": result.didDocument?.jsonValue ?? .null, "contentMetadata": result.didDocumentMetadata.jsonValue],
                                 status: status(of: result), contentType: representation.contentType)
        case .document(let result):
            return response(result, as: representation)
        case .resource(let resource, let metadata):
            let content: JSONValue = switch resource {
            case .verificationMethod(let method): method.jsonValue
            case .service(let service): service.jsonValue
            }
            guard representation.isResult else { return Response.json(content, contentType: representation.contentType) }
            return Response.json(["@context": .string(DIDResolutionResult.context),
                                  "dereferencingMetadata": ["contentType": .string(representation.documentType)],
                                  "contentStream": content, "contentMetadata": metadata.jsonValue],
                                 contentType: representation.contentType)
        case .serviceEndpoint(let endpoint):
            // DID Resolution §10.1: the endpoint in `Location`, and the body empty.
            var headers = HTTPFields()
            headers[.location] = endpoint
            return Response(status: .seeOther, headers: headers)
        case .failure(let error):
            let failed = DIDResolutionResult(error: error)
            guard representation.isResult else { return response(failed, as: representation) }
            return Response.json(["@context": .string(DIDResolutionResult.context),
                                  "dereferencingMetadata": failed.didResolutionMetadata.jsonValue, "contentStream": .null,
                                  "contentMetadata": [:]], status: status(of: failed), contentType: representation.contentType)
        }
    }

    /// The DID of the path, raw; a fully percent-encoded one (`did%3A…`) is decoded once.
    static func identifier(in path: String) -> String {
        let raw = String(path.dropFirst("/1.0/identifiers/".count))
        guard raw.lowercased().hasPrefix("did%3a") else { return raw }
        return raw.removingPercentEncoding ?? raw
    }

    /// `versionId` and `versionTime` from the query string.
    static func resolutionOptions(_ request: Request, documentType: String) throws -> DIDResolutionOptions {
        let query = request.uri.queryParameters
        var options = DIDResolutionOptions(accept: documentType)
        if let versionId = query["versionId"] { options.versionId = String(versionId) }
        if let text = query["versionTime"] {
            guard let time = DIDDateTime(parsing: String(text)) else {
                throw HTTPServerError.malformed("'versionTime' must be an XML date-time such as 2025-01-01T00:00:00Z.")
            }
            options.versionTime = time
        }
        return options
    }

    /// The status of a result (DID Resolution, HTTP(S) binding) and its body: the whole result,
    /// or the document alone with failures as problem details.
    static func response(_ result: DIDResolutionResult, as representation: ResolutionRepresentation) -> Response {
        let status = status(of: result)
        if representation.isResult {
            return Response.json(result.jsonValue, status: status, contentType: representation.contentType)
        }
        if let document = result.didDocument {
            return Response.json(document.jsonValue, status: status, contentType: representation.contentType)
        }
        let code = result.didResolutionMetadata.error ?? .internalError
        return ProblemDetails(status: status, type: code.typeURL, title: code.name,
                              detail: result.didResolutionMetadata.errorMessage ?? code.name).response()
    }

    /// The status of a result. Every error that describes the DID asked for is the client's:
    /// a 4xx (a key the identifier cannot encode is an invalid DID, 400), `methodNotSupported`
    /// is 501 as the DID Resolution binding says; only the node's own failure (an unreadable
    /// state, a stored document that breaks the data model) is a 500.
    static func status(of result: DIDResolutionResult) -> Int {
        guard let error = result.didResolutionMetadata.error else {
            return result.didDocumentMetadata.deactivated == true ? 410 : 200
        }
        switch error {
        case .notFound: return 404
        case .representationNotSupported: return 406
        case .deactivated: return 410
        case .methodNotSupported: return 501
        case .internalError, .invalidDocument: return 500
        default: return 400
        }
    }
}
