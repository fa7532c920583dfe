public import Primitives

/// The result of an audit query over HTTP.
public enum AuditOutcome: Sendable, Hashable {
    /// The answer, given after the query was recorded on the chain (200).
    case answer(JSONValue)
    /// The request is not authenticated: stale, or not signed by the auditor it names (401).
    case unauthorized(String)
    /// Authenticated but not allowed: not an admitted auditor, or outside its scope (403).
    case forbidden(String)
    /// The query is malformed (400).
    case bad(String)
    /// The query names a transaction the audit index does not hold (404).
    case notFound(String)
    /// The node could not record the query, so it is not answered (503).
    case unavailable(String)
}
