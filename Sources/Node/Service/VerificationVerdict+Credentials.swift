public import Credentials
import Primitives

extension VerificationVerdict {
    /// The HTTP verdict on a credential: malformed (400) when the `format` check failed,
    /// verified (200) or not verified (422) with every check, and the format, issuer and
    /// disclosed claims as extra members.
    /// - Parameter result: the verifier's result.
    public init(_ result: CredentialVerificationResult) {
        if result.isMalformed {
            self = .malformed(result.checks.first?.reason ?? "The credential cannot be read.")
            return
        }
        var extra: JSONObject = ["claims": .array(result.claims.map(JSONValue.object))]
        if let format = result.format { extra["format"] = .string(format) }
        if let issuer = result.issuer { extra["issuer"] = .string(issuer) }
        let checks = result.checks.map(\.json)
        self = result.verified ? .verified(checks: checks, extra: extra) : .notVerified(checks: checks, errors: result.failures.map(\.json), extra: extra)
    }

    /// The HTTP verdict on a presentation, in the same shape, with the result's other members
    /// (each credential's result, the holder) as extra members.
    /// - Parameter result: the verifier's result.
    public init(_ result: PresentationVerificationResult) {
        if result.isMalformed {
            self = .malformed(result.checks.first?.reason ?? "The presentation cannot be read.")
            return
        }
        var extra = result.json
        let errors = extra["errors"]?.arrayValue ?? []
        for key in ["verified", "checks", "errors"] { extra.removeValue(forKey: key) }
        let checks = result.checks.map(\.json)
        self = result.verified ? .verified(checks: checks, extra: extra) : .notVerified(checks: checks, errors: errors, extra: extra)
    }
}
