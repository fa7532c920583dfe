public import Primitives

/// The verdict on a presentation: its own checks (format, the holder's proof, the challenge,
/// holder binding) and each embedded credential's result.
public struct PresentationVerificationResult: Sendable {
    /// The presentation's own checks.
    public let checks: [VerificationCheck]
    /// Each embedded credential's result, in order.
    public let credentials: [CredentialVerificationResult]
    /// The holder's DID, once read.
    public let holder: String?

    /// Verified when no presentation check failed and every credential is verified.
    public var verified: Bool {
        !checks.contains { $0.outcome == .failed } && !credentials.isEmpty && credentials.allSatisfy(\.verified)
    }
    /// Whether the input could not be read as a presentation (HTTP 400).
    public var isMalformed: Bool { checks.contains { $0.name == .format && $0.outcome == .failed } }

    /// The JSON form: `verified`, `checks`, `errors`, `holder`, `credentialResults`.
    public var json: JSONObject {
        var failures = checks.filter { $0.outcome == .failed }.map(\.json)
        for (index, credential) in credentials.enumerated() {
            failures += credential.failures.map { check in
                var object = check.json.objectValue ?? [:]
                object["credential"] = .number(Double(index))
                return .object(object)
            }
        }
        var object: JSONObject = ["verified": .bool(verified), "checks": .array(checks.map(\.json)), "errors": .array(failures),
                                  "credentialResults": .array(credentials.map { .object($0.json) })]
        if let holder { object["holder"] = .string(holder) }
        return object
    }
}
