import Node
import Hummingbird
import Logging
import NIOHTTP1
import Primitives

/// Turns every error a route or middleware throws into an RFC 9457 problem response, so no
/// response is ever Hummingbird's plain-text error or an internal description of the failure.
///
/// The rule for reasons: an ``HTTPServerError`` carries a sentence meant for the client and is
/// answered with it; a node failure (``HTTPServerError/nodeFailure(_:)``) and any error of
/// another type are answered 500 with a generic sentence and the request's id, and their
/// detail is logged on a line carrying the same id (`hb.request.id`), for the operator.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = NodeRequestContext

    // `next` is `@concurrent` because Hummingbird, built without SE-0461, declares it so.
    func handle(_ request: Request, context: Context, next: @concurrent (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPServerError {
            if let detail = error.logDetail {
                context.logger.error("Failed answering \(request.method) \(request.uri.path): \(detail)")
                return Self.nodeFailure(context)
            }
            var headers: HTTPFields = [:]
            if error.code == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
            if error.code == .tooManyRequests || error.code == .unavailable { headers[.retryAfter] = String(error.retryAfterSeconds ?? 1) }
            if let allowed = error.allowedMethods { headers[.allow] = allowed.joined(separator: ", ") }
            return ProblemDetails(error).response(headers: headers)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own refusals (unknown route: 404; oversized body: 413) keep their
            // status; their text is replaced by a sentence of ours.
            let status = Int(error.status.code)
            let code: HTTPServerError.Code = switch status {
            case 404: .notFound
            case 413: .payloadTooLarge
            case 400..<500: HTTPServerError.Code("client-error", status: status)
            default: .internalError
            }
            guard code != .internalError else {
                context.logger.error("Failed answering \(request.method) \(request.uri.path): HTTP \(status) from the framework")
                return Self.nodeFailure(context)
            }
            return ProblemDetails(HTTPServerError(code, Self.sentence(for: code))).response()
        } catch let error as HTTPParserError {
            // The request's bytes broke off or were not HTTP (a body cut short by the idle
            // timeout, a client that went away): the client's fault, not the node's, and no
            // reason to log an error.
            context.logger.debug("Malformed HTTP request \(request.method) \(request.uri.path): \(error)")
            return ProblemDetails(HTTPServerError(.malformedRequest, "The HTTP request was malformed or ended before its body did.")).response()
        } catch {
            context.logger.error("Unexpected error answering \(request.method) \(request.uri.path): \(String(reflecting: error))")
            return Self.nodeFailure(context)
        }
    }

    /// The 500 answer: a generic sentence naming the request id the log line carries.
    private static func nodeFailure(_ context: Context) -> Response {
        let id = context.id
        let error = HTTPServerError(.internalError, "The node failed to answer; its operator can find request \(id) in the node's log.")
        return ProblemDetails(error, extensions: ["requestId": .string(id)]).response()
    }

    private static func sentence(for code: HTTPServerError.Code) -> String {
        switch code {
        case .notFound: "No resource at this path; see /openapi.yaml for the API."
        case .payloadTooLarge: "The request body is too large."
        default: "The request was refused (HTTP \(code.status))."
        }
    }
}
