import Chain
import DID
import Hummingbird
import Node
import Primitives

extension NodeHTTPServer {
    /// The DID registrar for logged-in full-custody accounts, in the DIF Universal Registrar v1
    /// shape (`specs/did-method.md` §7): a request `{jobId, options, secret, didDocument}`, an
    /// answer `{jobId, didState, didRegistrationMetadata, didDocumentMetadata}` whose
    /// `didState.state` is `finished` (201 for a create, 200 otherwise) or `failed` with a
    /// `reason` (400; 401 without a live session; 404 for a DID not on this chain; 409 for a deactivated one; 503 when the node cannot write).
    func addRegistrarRoutes(to router: Router<NodeRequestContext>) {
        let limit = configuration.limits.maximumBodyBytes
        on(router, .post, "/1.0/create") { request, _ in
            let method = request.uri.queryParameters["method"].map(String.init) ?? "chancery"
            guard method == "chancery" else {
                return Self.failed("This registrar writes did:chancery DIDs only, not did:\(method).", status: 400)
            }
            let body = try await request.jsonObject(limit: limit)
            let services: [ServiceDraft]
            do {
                // Read and ignored, but of the registrar's shape: objects when present.
                for member in ["options", "secret"] where body[member].map({ $0.objectValue == nil }) == true {
                    throw HTTPServerError.malformed("'\(member)' must be a JSON object.")
                }
                services = try Self.services(in: body["didDocument"], creating: true)
            } catch let error as HTTPServerError {
                return Self.failed(error.reason, status: 400)
            }
            return try Self.answer(await backend.registerDID(.create(services: services), bearer: request.bearerToken), created: true)
        }
        on(router, .post, "/1.0/update") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            let did: DID, operation: DIDDocumentOperation, services: [ServiceDraft]
            do {
                did = try Self.did(in: body)
                // One operation on one document; the registrar's list form with a single entry is taken too.
                let operations = body["didDocumentOperation"]?.arrayValue?.compactMap(\.stringValue)
                    ?? body["didDocumentOperation"]?.stringValue.map { [$0] } ?? ["setDidDocument"]
                let documents = body["didDocument"]?.arrayValue ?? body["didDocument"].map { [$0] } ?? []
                guard operations.count == 1, documents.count <= 1, let chosen = DIDDocumentOperation(rawValue: operations[0]) else {
                    throw HTTPServerError.malformed("'didDocumentOperation' is one of "
                                                    + DIDDocumentOperation.allCases.map(\.rawValue).joined(separator: ", ")
                                                    + ", with at most one 'didDocument'.")
                }
                operation = chosen
                services = try Self.services(in: documents.first, creating: false)
            } catch let error as HTTPServerError {
                return Self.failed(error.reason, status: 400)
            }
            return try Self.answer(await backend.registerDID(.update(did: did, operation: operation, services: services),
                                                                   bearer: request.bearerToken), created: false)
        }
        on(router, .post, "/1.0/deactivate") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            let did: DID
            do { did = try Self.did(in: body) } catch let error as HTTPServerError { return Self.failed(error.reason, status: 400) }
            return try Self.answer(await backend.registerDID(.deactivate(did: did), bearer: request.bearerToken), created: false)
        }
    }

    private static func did(in body: JSONObject) throws -> DID {
        guard let text = body["did"]?.stringValue, let did = try? DID(parsing: text), did.method == "chancery" else {
            throw HTTPServerError.malformed("The request needs 'did': a did:chancery DID.")
        }
        return did
    }

    /// The services of a request's document. The node makes the verification methods itself (a
    /// create's key is generated in the vault), so a document may carry `service` (and an `id`
    /// and `@context`, ignored) and nothing else; service ids are fragments of the DID.
    private static func services(in document: JSONValue?, creating: Bool) throws -> [ServiceDraft] {
        guard let document, !document.isNull else { return [] }
        guard let object = document.objectValue else { throw HTTPServerError.malformed("'didDocument' must be a JSON object.") }
        if let other = object.keys.sorted().first(where: { !["service", "id", "@context"].contains($0) }) {
            throw HTTPServerError.malformed("The registrar sets services only; the node keeps the verification methods ('\(other)' is not taken).")
        }
        let listed = object["service"] ?? .array([])
        guard let entries = listed.arrayValue else { throw HTTPServerError.malformed("'service' must be an array of services.") }
        return try entries.map { (value: JSONValue) throws -> ServiceDraft in
            let entry = value.objectValue ?? [:]
            let types: OneOrMany<String>? = entry["type"]?.stringValue.map { .one($0) }
                ?? entry["type"]?.arrayValue.flatMap { list in
                    let names = list.compactMap(\.stringValue)
                    return names.count == list.count && !names.isEmpty ? .many(names) : nil
                }
            guard let id = entry["id"]?.stringValue, let hash = id.firstIndex(of: "#"), id.index(after: hash) < id.endIndex,
                  let type = types, let endpoint = entry["serviceEndpoint"] else {
                throw HTTPServerError.malformed("A service needs an 'id' with a fragment (\"#hub\"), a 'type' and a 'serviceEndpoint'.")
            }
            return ServiceDraft(fragment: String(id[id.index(after: hash)...]), type: type, serviceEndpoint: endpoint)
        }
    }

    private static func answer(_ outcome: DIDRegistrationOutcome, created: Bool) throws -> Response {
        switch outcome {
        case .finished(let did, let document, let versionId, let receipt):
            var state: JSONObject = ["state": "finished", "did": .string(did.description)]
            if let document { state["didDocument"] = document.jsonValue }
            return Response.json(["jobId": .null, "didState": .object(state),
                                  "didRegistrationMetadata": ["transactionId": .string(receipt.transactionId.description),
                                                              "height": .number(Double(receipt.height))],
                                  "didDocumentMetadata": ["versionId": .string(String(versionId)), "deactivated": .bool(document == nil)]],
                                 status: created ? 201 : 200)
        case .failed(let reason): return failed(reason, status: 400)
        case .notFound(let reason): return failed(reason, status: 404)
        case .conflict(let reason): return failed(reason, status: 409)
        case .unauthorized(let reason): return failed(reason, status: 401)
        case .unavailable(let reason): return failed(reason, status: 503)
        case .nodeFailure(let detail): throw HTTPServerError.nodeFailure(detail)
        }
    }

    private static func failed(_ reason: String, status: Int) -> Response {
        Response.json(["jobId": .null, "didState": ["state": "failed", "reason": .string(reason)],
                       "didRegistrationMetadata": [:], "didDocumentMetadata": [:]], status: status)
    }
}
