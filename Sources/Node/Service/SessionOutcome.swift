/// The result of a log-in (`POST /sessions`).
public enum SessionOutcome: Sendable, Hashable {
    /// A session for `account` whose bearer `token` lasts until `expires` (milliseconds since
    /// 1970) (201).
    case opened(token: String, account: String, expires: Int64)
    /// The body is not `{"username", "password"}` (400).
    case malformed(String)
    /// Unknown account or wrong password, one answer for both; the vault counts the attempt (401).
    case unauthorized(String)
    /// The account exists but does not log in: its keys are not in the node's vault (403).
    case forbidden(String)
    /// The vault has locked the account after wrong passwords (429, `Retry-After`).
    case throttled(String, retryAfterSeconds: Int)
    /// The node holds as many sessions as it may (503).
    case unavailable(String)
    /// The node itself failed (its vault's files). For the node's log only (500).
    case failed(String)
}
