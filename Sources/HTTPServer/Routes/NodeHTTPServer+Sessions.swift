import Foundation
import Hummingbird
import Node
import Primitives

extension NodeHTTPServer {
    /// Log-in sessions of full-custody accounts (`specs/openapi.yaml`, "Sessions").
    func addSessionRoutes(to router: Router<NodeRequestContext>) {
        let limit = configuration.limits.maximumBodyBytes
        on(router, .post, "/sessions") { request, _ in
            let body = try await request.jsonObject(limit: limit)
            guard let username = body["username"]?.stringValue, let password = body["password"]?.stringValue else {
                throw HTTPServerError.malformed("Send {\"username\", \"password\"}.")
            }
            switch await backend.openSession(username: username, password: SecureBytes(Array(password.utf8))) {
            case .opened(let token, let account, let expires):
                return Response.json(["token": .string(token), "account": .string(account), "expires": .number(Double(expires))], status: 201)
            case .malformed(let reason): throw HTTPServerError.malformed(reason)
            case .unauthorized(let reason): throw HTTPServerError(.unauthorized, reason)
            case .forbidden(let reason): throw HTTPServerError(.forbidden, reason)
            case .throttled(let reason, let seconds): throw HTTPServerError(.tooManyRequests, reason, retryAfterSeconds: seconds)
            case .unavailable(let reason): throw HTTPServerError(.unavailable, reason)
            case .failed(let detail): throw HTTPServerError.nodeFailure(detail)
            }
        }
        on(router, .delete, "/sessions/current") { request, _ in
            guard let bearer = request.bearerToken else {
                throw HTTPServerError(.unauthorized, "Send the session's token: 'Authorization: Bearer <token>'.")
            }
            guard await backend.closeSession(bearer: bearer) else {
                throw HTTPServerError(.unauthorized, "The bearer token is not an open session of this node.")
            }
            return Response(status: .noContent)
        }
    }
}
