public import Primitives

/// What a verifier concluded about a credential or presentation; the HTTP API answers 200 for
/// ``verified(checks:extra:)``, 422 for ``notVerified(checks:errors:extra:)`` and 400 for
/// ``malformed(_:)``.
public enum VerificationVerdict: Sendable, Hashable {
    /// The input is not a credential (or presentation) at all: no check could run.
    case malformed(String)
    /// Every check passed; `checks` names each, `extra` adds members to the response.
    case verified(checks: [JSONValue], extra: JSONObject)
    /// Some check failed; `errors` names each failure, with its reason.
    case notVerified(checks: [JSONValue], errors: [JSONValue], extra: JSONObject)
}
