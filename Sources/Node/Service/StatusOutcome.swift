public import Primitives

/// The result of `POST /credentials/status`.
public enum StatusOutcome: Sendable, Hashable {
    /// The status changed (200), by the transaction with this id.
    case updated(StatusChangeRequest, transactionId: String)
    /// The request is not a status update (400).
    case malformed(String)
    /// No credential or status list with that id (404).
    case notFound(String)
    /// No bearer token, or one this node did not create (401).
    case unauthorized(String)
    /// The authenticated account may not change this credential's status (403).
    case forbidden(String)
    /// The node could not complete the change now, through no fault of the request (503).
    case unavailable(String)
    /// The node failed to unlock the issuer's key and backs off before trying again (429, with
    /// `Retry-After` of the given seconds).
    case throttled(String, retryAfterSeconds: Int)
    /// The node itself failed (its keystore, files or storage). The text is the detail for the
    /// node's log; the client gets a generic reason and the request's id (500).
    case failed(String)
}
