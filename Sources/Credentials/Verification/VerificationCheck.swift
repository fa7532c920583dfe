public import Primitives

/// One named check of a verification and its outcome, with the reason a person reads.
public struct VerificationCheck: Sendable, Hashable {
    /// The checks, in the order the verifier runs and reports them.
    public enum Name: String, Sendable, Hashable, CaseIterable {
        /// The input is a well-formed credential (or presentation) in a supported format.
        case format
        /// The issuer's DID resolves and lists the signing key for assertions.
        case issuer
        /// The signature holds under that key.
        case proof
        /// Now lies within `validFrom` / `validUntil` (and JWT `nbf` / `exp`).
        case validity
        /// The subjects satisfy the registered credential schema.
        case schema
        /// The issuer was accredited for that schema when the credential was issued.
        case accreditation
        /// No status list entry says revoked or suspended.
        case status
        /// The credential's hash is anchored on the chain by its issuer.
        case evidence
        /// The presenter holds the subject's key (presentations, SD-JWT key binding).
        case holderBinding
        /// The presentation answers a fresh, unused challenge for this domain.
        case challenge
    }

    /// Whether the check held.
    public enum Outcome: String, Sendable, Hashable {
        /// It held.
        case passed
        /// It did not; the credential is not verified.
        case failed
        /// It does not apply to this credential (no status entry, no schema, …).
        case notApplicable
    }

    /// Which check.
    public let name: Name
    /// Its outcome.
    public let outcome: Outcome
    /// A stable machine-readable reason code, such as `revoked` or `signatureMismatch`.
    public let code: String
    /// One sentence for a person.
    public let reason: String

    /// Creates a check result.
    public init(_ name: Name, _ outcome: Outcome, code: String, reason: String) {
        self.name = name
        self.outcome = outcome
        self.code = code
        self.reason = reason
    }

    static func passed(_ name: Name, _ reason: String) -> Self { Self(name, .passed, code: "ok", reason: reason) }
    static func failed(_ name: Name, _ code: String, _ reason: String) -> Self { Self(name, .failed, code: code, reason: reason) }
    static func notApplicable(_ name: Name, _ reason: String) -> Self { Self(name, .notApplicable, code: "notApplicable", reason: reason) }
    /// The code of a check that was not run because an earlier one failed.
    static let notCheckedCode = "notChecked"
    /// A check not run because the issuer or proof check failed: running it would cost work
    /// on a credential that cannot verify anyway.
    static func notChecked(_ name: Name, _ reason: String) -> Self { Self(name, .notApplicable, code: notCheckedCode, reason: reason) }

    /// The JSON form `{"check", "outcome", "code", "reason"}` used by `didctl` and the HTTP API.
    public var json: JSONValue {
        ["check": .string(name.rawValue), "outcome": .string(outcome.rawValue), "code": .string(code), "reason": .string(reason)]
    }
}
