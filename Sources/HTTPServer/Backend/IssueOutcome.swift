public import Primitives

/// The result of `POST /credentials/issue`.
public enum IssueOutcome: Sendable, Hashable {
    /// The issued credential (answered 201 as `{"verifiableCredential": …}`).
    case issued(JSONValue)
    /// The request is not a credential to issue (400).
    case malformed(String)
    /// A well-formed credential that may not be issued, for example against its schema (422).
    case rejected(String)
    /// No or an unknown bearer token (401).
    case unauthorized(String)
    /// The authenticated account may not issue this credential (403).
    case forbidden(String)
    /// The node could not complete the issuance now, through no fault of the request (503).
    case unavailable(String)
}
