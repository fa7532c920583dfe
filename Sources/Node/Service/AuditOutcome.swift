public import Chain

/// The result of an audit query over HTTP.
public enum AuditOutcome: Sendable, Hashable {
    /// The answer, given after the query was recorded on the chain (200).
    case answer(AuditAnswer)
    /// The request is not authenticated: stale, not signed by the auditor it names, or naming
    /// no admitted auditor, all with one answer (401).
    case unauthorized(String)
    /// Authenticated but not allowed: outside the auditor's scope (403).
    case forbidden(String)
    /// The query is malformed (400).
    case bad(String)
    /// The query names a transaction the audit index does not hold (404).
    case notFound(String)
    /// The same signed request was already answered and recorded: a replay (409).
    case conflict(String)
    /// The node could not record the query, so it is not answered (503).
    case unavailable(String)
}
