import Node
import Hummingbird
import Primitives

/// How a verification verdict is answered: 200 with the checks when verified; otherwise a
/// problem response (422 not verified, 400 malformed) that still carries `verified: false`,
/// the checks and every failed check in `errors`, as the VC API's clients read them.
enum VerdictResponse {
    static func response(for verdict: VerificationVerdict, subject: String) -> Response {
        switch verdict {
        case .verified(let checks, let extra):
            var object: JSONObject = ["verified": true, "checks": .array(checks)]
            for (key, value) in extra where object[key] == nil { object[key] = value }
            return Response.json(.object(object))
        case .notVerified(let checks, let errors, let extra):
            var extensions: JSONObject = ["verified": false, "checks": .array(checks), "errors": .array(errors)]
            for (key, value) in extra where extensions[key] == nil { extensions[key] = value }
            return ProblemDetails(HTTPServerError(.unprocessable, "The \(subject) is not verified: \(summary(of: errors))"),
                                  extensions: extensions).response()
        case .malformed(let reason):
            let error = HTTPServerError.malformed(reason)
            let errors: JSONValue = [ProblemDetails(error).jsonValue]
            return ProblemDetails(error, extensions: ["verified": false, "checks": [], "errors": errors]).response()
        }
    }

    /// The failed checks named in one sentence.
    private static func summary(of errors: [JSONValue]) -> String {
        let names = errors.compactMap { $0["check"]?.stringValue ?? $0["title"]?.stringValue ?? $0["type"]?.stringValue }
        return names.isEmpty ? "see 'errors'." : "failed \(names.joined(separator: ", "))."
    }
}
