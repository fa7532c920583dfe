/// The outcome of checking an SD-JWT+KB's key-binding JWT (RFC 9901 §7.3 step 5), naming the
/// first check that failed.
public enum KeyBindingVerdict: Sendable, Hashable {
    /// The KB-JWT is signed by the holder key in `cnf`, typed `kb+jwt`, addressed to this
    /// audience with this nonce, fresh, and bound to exactly the presented SD-JWT.
    case verified
    /// The presentation carries no KB-JWT (it ends with `~`).
    case missing
    /// The issuer-signed JWT has no `cnf.jwk` holder key to check the KB-JWT against.
    case noHolderKey
    /// The KB-JWT's `typ` is not `kb+jwt`.
    case wrongType
    /// The KB-JWT's signature does not verify under the holder key (or its `alg` does not
    /// match the key's curve).
    case signatureMismatch
    /// `aud` is missing or is not the expected audience.
    case audienceMismatch
    /// `nonce` is missing or is not the expected nonce.
    case nonceMismatch
    /// `iat` is missing or later than the verifier's time.
    case issuedInFuture
    /// `iat` is older than the allowed age.
    case tooOld
    /// `sd_hash` is missing or is not the digest of the presented SD-JWT.
    case sdHashMismatch
}
