public import Credentials

/// What checking an authorization grant through the node found (`POST /authorizations/check`).
public enum AuthorizationCheckOutcome: Sendable {
    /// A verdict was reached: granted, or which condition failed.
    case verdict(AuthorizationVerdict)
    /// No verdict: the challenge is not this node's, was used, or expired.
    case refused(String)
    /// The node could not decide (its state could not be read).
    case failed(String)
}
