public import Primitives

/// The result of `POST /credentials/issue`.
public enum IssueOutcome: Sendable, Hashable {
    /// The issued credential (answered 201 as `{"verifiableCredential": …}`).
    case issued(JSONValue)
    /// The request is not a credential to issue (400).
    case malformed(String)
    /// A well-formed credential that may not be issued, for example against its schema (422).
    case rejected(String)
    /// No bearer token, or one this node did not create (401).
    case unauthorized(String)
    /// The authenticated account may not issue this credential (403).
    case forbidden(String)
    /// The node could not complete the issuance now, through no fault of the request (503).
    case unavailable(String)
    /// The node failed to unlock the issuer's key and backs off before trying again (429, with
    /// `Retry-After` of the given seconds).
    case throttled(String, retryAfterSeconds: Int)
    /// The node itself failed (its keystore, files or storage). The text is the detail for the
    /// node's log; the client gets a generic reason and the request's id (500).
    case failed(String)
}
