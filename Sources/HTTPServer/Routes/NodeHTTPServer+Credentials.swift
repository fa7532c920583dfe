import Node
import Foundation
import Hummingbird
import Primitives

extension NodeHTTPServer {
    /// The W3C VC API endpoints: verify, present, challenge, issue, status.
    func addCredentialRoutes(to router: Router<NodeRequestContext>) {
        let limit = configuration.limits.maximumBodyBytes
        on(router, .post, "/credentials/verify", waits: false) { request, _ in
            let bytes = try await request.bodyBytes(limit: limit)
            let verdict = try await VerificationOffload.run(bodyBytes: bytes.count) {
                let (input, options) = try Self.verifiable("verifiableCredential", in: try Request.jsonObject(bytes))
                return await backend.verifyCredential(input, options: options)
            }
            metrics.verification(kind: "credential", verdict: verdict)
            return VerdictResponse.response(for: verdict, subject: "credential")
        }
        on(router, .post, "/presentations/verify", waits: false) { request, _ in
            let bytes = try await request.bodyBytes(limit: limit)
            let verdict = try await VerificationOffload.run(bodyBytes: bytes.count) {
                let (input, options) = try Self.verifiable("verifiablePresentation", in: try Request.jsonObject(bytes))
                return await backend.verifyPresentation(input, options: options)
            }
            metrics.verification(kind: "presentation", verdict: verdict)
            return VerdictResponse.response(for: verdict, subject: "presentation")
        }
        on(router, .post, "/challenges") { request, _ in
            // The VC API sends an empty body; anything sent must still be JSON.
            let bytes = try await request.bodyBytes(limit: limit)
            if !bytes.isEmpty, (try? JSONValue(parsing: bytes)) == nil {
                throw HTTPServerError.malformed("The request body is not valid JSON; send none, or a JSON object.")
            }
            guard let challenge = await backend.createChallenge() else {
                throw HTTPServerError(.tooManyRequests, "The node holds as many unanswered challenges as it may; retry shortly.")
            }
            return Response.json(["challenge": .string(challenge)])
        }
        on(router, .post, "/credentials/issue") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            guard let credential = body["credential"]?.objectValue else {
                throw HTTPServerError.malformed("The request needs a 'credential' object to issue.")
            }
            let options = try Self.options(in: body)
            switch await backend.issueCredential(credential, options: options, bearer: request.bearerToken) {
            case .issued(let issued): return Response.json(["verifiableCredential": issued], status: 201)
            case .malformed(let reason): throw HTTPServerError.malformed(reason)
            case .rejected(let reason): throw HTTPServerError(.unprocessable, reason)
            case .unauthorized(let reason): throw HTTPServerError(.unauthorized, reason)
            case .forbidden(let reason): throw HTTPServerError(.forbidden, reason)
            case .unavailable(let reason): throw HTTPServerError(.unavailable, reason)
            case .throttled(let reason, let seconds): throw HTTPServerError(.tooManyRequests, reason, retryAfterSeconds: seconds)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        on(router, .post, "/credentials/status") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            guard let id = body["credentialId"]?.stringValue, !id.isEmpty,
                  let purpose = body["purpose"]?.stringValue.flatMap(StatusChangeRequest.Purpose.init(rawValue:)),
                  let value = body["value"]?.boolValue else {
                throw HTTPServerError.malformed("The body is {\"credentialId\", \"purpose\": \"revocation\" or \"suspension\", \"value\": true or false}.")
            }
            let change = StatusChangeRequest(credentialId: id, purpose: purpose, value: value)
            switch await backend.updateStatus(change, bearer: request.bearerToken) {
            case .updated(let change, let transactionId):
                return Response.json(["credentialId": .string(change.credentialId), "purpose": .string(change.purpose.rawValue),
                                      "value": .bool(change.value), "transactionId": .string(transactionId)])
            case .malformed(let reason): throw HTTPServerError.malformed(reason)
            case .notFound(let reason): throw HTTPServerError(.notFound, reason)
            case .unauthorized(let reason): throw HTTPServerError(.unauthorized, reason)
            case .forbidden(let reason): throw HTTPServerError(.forbidden, reason)
            case .unavailable(let reason): throw HTTPServerError(.unavailable, reason)
            case .throttled(let reason, let seconds): throw HTTPServerError(.tooManyRequests, reason, retryAfterSeconds: seconds)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        // A list id is a DID URL with slashes (`<did>/status/revocation/0`): accept it
        // percent-encoded as one segment, or spelled out over several.
        on(router, .get, "/status-lists/**") { _, context in
            let raw = context.parameters.getCatchAll().joined(separator: "/")
            let id = raw.removingPercentEncoding ?? raw
            guard let credential = await backend.statusListCredential(id: id) else {
                throw HTTPServerError(.notFound, "No status list '\(id.prefix(128))' on this node.")
            }
            return Response.json(credential)
        }
    }

    /// The credential or presentation member and the options of a verify request: `policy`
    /// (`standard` by default), `challenge` and `domain`; other members, such as the VC API's
    /// `checks`, are ignored, since every applicable check always runs.
    static func verifiable(_ member: String, in body: JSONObject) throws -> (JSONValue, VerificationOptions) {
        guard let input = body[member] else { throw HTTPServerError.malformed("The request has no '\(member)'.") }
        guard input.objectValue != nil || input.stringValue != nil else {
            throw HTTPServerError.malformed("'\(member)' must be a JSON object or a compact JWT string.")
        }
        let options = try options(in: body)
        var parsed = VerificationOptions(challenge: options["challenge"]?.stringValue, domain: options["domain"]?.stringValue)
        if let policy = options["policy"] {
            guard let chosen = policy.stringValue.flatMap(VerificationOptions.Policy.init(rawValue:)) else {
                throw HTTPServerError.malformed("options.policy must be 'standard' or 'accredited'.")
            }
            parsed.policy = chosen
        }
        return (input, parsed)
    }

    /// The `options` object; absent means none. Unknown members are the backend's to ignore.
    static func options(in body: JSONObject) throws -> JSONObject {
        guard let options = body["options"], !options.isNull else { return [:] }
        guard let object = options.objectValue else { throw HTTPServerError.malformed("'options' must be a JSON object.") }
        return object
    }
}
