public import Primitives

/// The result of `POST /credentials/issue`.
public enum IssueOutcome: Sendable, Hashable {
    /// The issued credential as the VC API answers it (201, `{"verifiableCredential": …}`): an
    /// `EnvelopedVerifiableCredential` whose `id` is `data:application/vc+jwt,<jwt>` (or
    /// `vc+sd-jwt`) for JOSE formats, the credential with its proof for Data Integrity.
    case issued(JSONValue)
    /// The request is not a credential to issue: a VC Data Model violation, an unknown
    /// `options.format`, a malformed option (400), with every reason naming its member.
    case malformed(String)
    /// A well-formed credential that may not be issued: an `issuer` other than the
    /// authenticated account's DID, subjects a CPT refuses, an unregistered CPT (422).
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
