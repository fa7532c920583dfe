import Node
import Chain
import Hummingbird
import Primitives

extension NodeHTTPServer {
    /// `POST /audit/link|trace|log`: an auditor's signed request (`specs/audit.md` §5).
    func addAuditRoutes(to router: Router<NodeRequestContext>) {
        let limit = configuration.limits.maximumBodyBytes
        for kind in ["link", "trace", "log"] {
            on(router, .post, RouterPath("/audit/\(kind)")) { request, _ in
                let body = try await request.jsonObject(limit: limit)
                let signed = try Self.auditRequest(body, kind: kind)
                switch await backend.audit(signed) {
                case .answer(let answer): return Response.json(answer.jsonValue)
                case .unauthorized(let reason): throw HTTPServerError(.unauthorized, reason)
                case .forbidden(let reason): throw HTTPServerError(.forbidden, reason)
                case .bad(let reason): throw HTTPServerError.malformed(reason)
                case .notFound(let reason): throw HTTPServerError(.notFound, reason)
                case .conflict(let reason): throw HTTPServerError(.conflict, reason)
                case .unavailable(let reason): throw HTTPServerError(.unavailable, reason)
                }
            }
        }
    }

    /// Reads a signed request: no signature, or one that is not 64 bytes of base64url, is an
    /// unauthenticated request (401); any other defect is a malformed one (400).
    static func auditRequest(_ body: JSONObject, kind: String) throws -> SignedAuditRequest {
        guard let text = body["signature"]?.stringValue, let signature = try? Base64URL.decode(text), signature.count == 64 else {
            throw HTTPServerError(.unauthorized, "Audit queries must be signed by an auditor: send {\"query\": …, \"signature\": base64url r‖s}.")
        }
        let request: SignedAuditRequest
        do { request = try SignedAuditRequest(body: JSONValue.object(body).serialized()) } catch {
            throw HTTPServerError.malformed(error.reason)
        }
        guard request.query.name == kind else {
            throw HTTPServerError.malformed("This endpoint answers '\(kind)' queries; the request asks '\(request.query.name)'.")
        }
        return request
    }
}
