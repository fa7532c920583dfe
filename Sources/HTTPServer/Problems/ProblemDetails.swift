import Node
import Hummingbird
package import Primitives

/// An RFC 9457 problem details object: every error response of the API is one, served as
/// `application/problem+json`, with extension members where an endpoint adds them (the
/// verifier's `verified` and `errors`).
package struct ProblemDetails: Sendable {
    /// The media type of problem responses.
    package static let mediaType = "application/problem+json"
    /// Where problem type URIs of this API live; the last segment is the error code's name.
    package static let typePrefix = "urn:chancery:problem:"

    package var status: Int
    package var type: String
    package var title: String
    package var detail: String
    package var extensions: JSONObject

    package init(status: Int, type: String, title: String, detail: String, extensions: JSONObject = [:]) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.extensions = extensions
    }

    /// The problem of a refusal.
    package init(_ error: HTTPServerError, extensions: JSONObject = [:]) {
        self.init(status: error.code.status, type: Self.typePrefix + error.code.name, title: error.code.name,
                  detail: error.reason, extensions: extensions)
    }

    /// The JSON object, the standard members first.
    package var jsonValue: JSONValue {
        var object: JSONObject = ["type": .string(type), "title": .string(title), "status": .number(Double(status)),
                                  "detail": .string(detail)]
        for (key, value) in extensions where object[key] == nil { object[key] = value }
        return .object(object)
    }

    /// The response carrying this problem.
    func response(headers: HTTPFields = [:]) -> Response {
        Response.json(jsonValue, status: status, contentType: Self.mediaType, headers: headers)
    }
}
