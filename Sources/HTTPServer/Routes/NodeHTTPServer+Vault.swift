import Node
import Hummingbird

extension NodeHTTPServer {
    /// `POST /vault/requests`: a sealed, signed request of another host's vault coordinator to
    /// the vault node this node serves (`specs/custody-vault.md` §9). The body is passed on as
    /// it came; the answer is sealed to the coordinator, so nothing here reads either.
    func addVaultRoutes(to router: Router<NodeRequestContext>) {
        on(router, .post, "/vault/requests") { request, _ in
            // A request is a few hundred bytes; 64 KiB leaves room and bounds what is read.
            let body = try await request.bodyBytes(limit: 65_536)
            switch await backend.answerVaultRequest(body) {
            case .answer(let answer): return Response.text(answer, contentType: "application/json")
            case .notServed:
                throw HTTPServerError(.notFound, "This node serves no vault node; start it with --vault-serve.")
            case .malformed(let reason): throw HTTPServerError.malformed(reason)
            case .unauthorized(let reason): throw HTTPServerError(.unauthorized, reason)
            case .replayed(let reason): throw HTTPServerError(.conflict, reason)
            case .unavailable(let reason): throw HTTPServerError(.unavailable, reason, retryAfterSeconds: 1)
            }
        }
    }
}
