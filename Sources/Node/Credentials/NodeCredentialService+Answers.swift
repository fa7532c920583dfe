/// The sentences the issuer endpoints answer with when they cannot act: they name what the
/// client can do and nothing of the node's files (the node's own failures are logged instead).
extension NodeCredentialService {
    /// How a client gets an issuer token: the operator creates it on the node.
    package static let tokenHint = "send 'Authorization: Bearer <token>' with a token the node's operator creates with `didctl node token --account NAME`."
    /// A token the node does not hold (its hint says how to get one).
    package static let unknownToken = "The bearer token is not an issuer token of this node (never made here, or revoked); \(tokenHint)"
    /// A token of the node whose lifetime has passed.
    package static let expiredToken = "The bearer token has expired; \(tokenHint)"
    /// A session token this node did not open, or closed.
    package static let unknownSession = "The bearer token is not a session of this node (never opened here, or closed); log in again with POST /sessions."
    /// A session whose lifetime has passed; its keys are already dropped.
    package static let expiredSession = "The session has expired and its keys were dropped; log in again with POST /sessions."
    /// The one answer to an unknown account or a wrong password.
    package static let wrongLogin = "Wrong username or password."
    /// The answer while the node backs off after failing to unlock an issuer's key.
    package static let backingOff = "The node failed to unlock this issuer's key and is backing off before trying again; retry after the time given."

    /// Whole seconds for `Retry-After`, at least 1.
    package static func seconds(_ duration: Duration?) -> Int {
        guard let duration else { return 1 }
        return max(1, Int(duration.components.seconds) + (duration.components.attoseconds > 0 ? 1 : 0))
    }
}
