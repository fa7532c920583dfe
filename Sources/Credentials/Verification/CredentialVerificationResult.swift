public import Primitives

/// The verdict on one credential: every check with its reason. A credential is verified when
/// no check failed and every check the policy requires applied.
public struct CredentialVerificationResult: Sendable {
    /// The checks, in ``VerificationCheck/Name`` order.
    public let checks: [VerificationCheck]
    /// The verified credential; present exactly when ``verified`` is true.
    public let credential: VerifiedCredential?
    /// The securing format (`vc+jwt`, `vc+sd-jwt`, `Data Integrity`, …), once recognised.
    public let format: String?
    /// The issuer's identifier, once read.
    public let issuer: String?
    /// The subject claims the credential discloses (for SD-JWT, only the disclosed ones).
    public let claims: [JSONObject]

    /// Whether the credential is verified.
    public var verified: Bool { credential != nil }
    /// Whether the input could not even be read as a credential: HTTP answers 400 rather than
    /// 422 for these.
    public var isMalformed: Bool { checks.contains { $0.name == .format && $0.outcome == .failed } }
    /// The checks that failed.
    public var failures: [VerificationCheck] { checks.filter { $0.outcome == .failed } }

    /// The JSON form: `verified`, `checks`, `errors` (one per failed check), `format`,
    /// `issuer`, `claims`.
    public var json: JSONObject {
        var object: JSONObject = ["verified": .bool(verified), "checks": .array(checks.map(\.json)),
                                  "errors": .array(failures.map(\.json))]
        if let format { object["format"] = .string(format) }
        if let issuer { object["issuer"] = .string(issuer) }
        object["claims"] = .array(claims.map(JSONValue.object))
        return object
    }
}
