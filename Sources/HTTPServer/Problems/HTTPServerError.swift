/// The one error type of the `HTTPServer` module: a refusal that becomes an RFC 9457
/// `application/problem+json` response. Reasons are one sentence for the client; they never
/// carry stack traces, key material or internal paths: what the node itself failed at goes
/// in ``logDetail``, which is written to the node's log and never sent.
package struct HTTPServerError: Error, Sendable {
    /// The kind of refusal, which fixes the status and the problem type.
    package struct Code: Hashable, Sendable {
        /// The problem type's last segment, also the `title`.
        package let name: String
        /// The HTTP status.
        package let status: Int
        package init(_ name: String, status: Int) {
            self.name = name
            self.status = status
        }

        package static let malformedRequest = Code("malformed-request", status: 400)
        package static let unauthorized = Code("unauthorized", status: 401)
        package static let forbidden = Code("forbidden", status: 403)
        package static let notFound = Code("not-found", status: 404)
        package static let methodNotAllowed = Code("method-not-allowed", status: 405)
        package static let notAcceptable = Code("not-acceptable", status: 406)
        package static let requestTimeout = Code("request-timeout", status: 408)
        package static let conflict = Code("conflict", status: 409)
        package static let payloadTooLarge = Code("payload-too-large", status: 413)
        package static let unprocessable = Code("unprocessable", status: 422)
        package static let tooManyRequests = Code("too-many-requests", status: 429)
        package static let internalError = Code("internal-error", status: 500)
        package static let notImplemented = Code("not-implemented", status: 501)
        package static let unavailable = Code("unavailable", status: 503)
        package static let insufficientStorage = Code("insufficient-storage", status: 507)
    }

    /// The kind of refusal.
    package let code: Code
    /// One sentence: what was wrong, what to do.
    package let reason: String
    /// What the node failed at (a file, a keystore, a database), for its log only.
    package let logDetail: String?
    /// Seconds for `Retry-After` on a 429 or 503, when the node knows when to come back.
    package let retryAfterSeconds: Int?
    /// The methods the path takes, for the `Allow` header of a 405.
    package var allowedMethods: [String]? = nil

    package init(_ code: Code, _ reason: String, retryAfterSeconds: Int? = nil) {
        self.code = code
        self.reason = reason
        self.logDetail = nil
        self.retryAfterSeconds = retryAfterSeconds
    }

    private init(nodeFailure detail: String) {
        code = .internalError
        reason = "The node failed to answer."
        logDetail = detail
        retryAfterSeconds = nil
    }

    package static func malformed(_ reason: String) -> HTTPServerError { HTTPServerError(.malformedRequest, reason) }

    /// A known path asked with a method it does not take (RFC 9110 §15.5.6): 405 with `Allow`.
    package static func methodNotAllowed(_ method: String, allowed: [String]) -> HTTPServerError {
        var error = HTTPServerError(.methodNotAllowed, "This path does not take \(method); it takes \(allowed.joined(separator: ", ")).")
        error.allowedMethods = allowed
        return error
    }

    /// The node itself failed (its keystore, storage or chain): answered 500 with a generic
    /// reason and the request's id; `detail` goes to the log line carrying that id.
    package static func nodeFailure(_ detail: String) -> HTTPServerError { HTTPServerError(nodeFailure: detail) }
}
