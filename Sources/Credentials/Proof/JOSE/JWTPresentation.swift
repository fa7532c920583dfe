public import Primitives

/// A verifiable presentation secured as a JWT: W3C VC-JOSE-COSE `vp+jwt`, or the legacy VC DM
/// 1.1 form with a `vp` claim.
///
/// The verifier's challenge travels as the `nonce` claim and its domain as the `aud` claim
/// (RFC 7519 §4.1.3; `nonce` as OpenID Connect and OpenID4VP use it), in both forms. In the
/// `vp+jwt` form they are JWT claims beside the presentation's members, and ``presentation``
/// leaves them out.
/// ```swift
/// let token = try await JWTPresentation.issue(vp, challenge: "n-0S6_WzA2Mj", domain: "https://verifier.example",
///                                             signer: holder)
/// let parsed = try JWTPresentation(parsing: token)
/// parsed.challenge   // "n-0S6_WzA2Mj"
/// ```
public struct JWTPresentation: Sendable, Hashable {
    /// The signed token.
    public let jws: CompactJWS
    /// The presentation, without the `nonce` and `aud` claims.
    public let presentation: JSONObject
    /// Which encoding the token used.
    public let form: JWTForm
    /// The verifier's challenge, from the `nonce` claim.
    public let challenge: String?
    /// The verifier's domain, from the `aud` claim (a string, or an array of one string).
    public let domain: String?
    /// The `nbf` and `exp` claims, in milliseconds since 1970, when present.
    public let notBefore: Int64?, expires: Int64?

    /// Secures a VC DM 2.0 presentation as a `vp+jwt` (header `typ` `vp+jwt`, `cty` `vp`).
    /// - Parameters:
    ///   - presentation: the unsecured presentation; it must not hold `nonce` or `aud`.
    ///   - challenge: the verifier's challenge, written as `nonce`.
    ///   - domain: the verifier's domain, written as `aud`.
    ///   - signer: the holder's key.
    /// - Returns: the compact JWS.
    /// - Throws: `CredentialsError.invalidJWT` when the presentation already has `nonce` or
    ///   `aud`; the signer's error.
    public static func issue(_ presentation: JSONObject, challenge: String?, domain: String?,
                             signer: any CredentialSigner) async throws -> String {
        var payload = presentation
        for (claim, value) in [("nonce", challenge), ("aud", domain)] {
            guard payload[claim] == nil else {
                throw CredentialsError.invalidJWT("The presentation already has a '\(claim)' member; pass it as an argument instead.")
            }
            if let value { payload[claim] = .string(value) }
        }
        return try await CompactJWS.sign(header: ["typ": "vp+jwt", "cty": "vp"], payload: JSONValue.object(payload).serialized(),
                                         signer: signer)
    }

    /// Reads a JWT-secured presentation in either form.
    /// - Parameter jwt: the compact token.
    /// - Throws: `CredentialsError.invalidJWS` for an unreadable token;
    ///   `CredentialsError.invalidJWT` for a missing `kid`, a `typ` other than `vp+jwt`/`JWT`,
    ///   a malformed `nonce` or `aud`, or a payload that is neither a presentation nor carries
    ///   a `vp` object; `CredentialsError.invalidNumericDate` for an `exp`, `nbf` or `iat` that
    ///   is not a ``NumericDate``; `CredentialsError.jwtClaimConflict` when `iss` or `jti`
    ///   disagrees with `vp.holder` or `vp.id`.
    public init(parsing jwt: String) throws {
        jws = try CompactJWS(parsing: jwt)
        var payload = try JWTClaims.payloadObject(of: jws, acceptedTypes: ["vp+jwt", "JWT"])
        challenge = try JWTClaims.string("nonce", payload)
        (notBefore, expires) = try JWTClaims.times(payload)
        switch payload["aud"] {
        case nil: domain = nil
        case .string(let audience)?: domain = audience
        case .array(let audiences)? where audiences.count == 1 && audiences[0].stringValue != nil: domain = audiences[0].stringValue
        default: throw CredentialsError.invalidJWT("JWT payload: aud must be one string (or an array of one string).")
        }
        if jws.typ != "vp+jwt", let vp = payload["vp"] {
            guard let vp = vp.objectValue else { throw CredentialsError.invalidJWT("JWT payload: the vp claim is not an object.") }
            presentation = try JWTClaims.legacyPresentation(vp, claims: payload)
            form = .legacyVCClaim
        } else {
            guard payload["@context"] != nil else {
                throw CredentialsError.invalidJWT("JWT payload: neither a presentation (no @context) nor a legacy vp claim.")
            }
            payload["nonce"] = nil
            payload["aud"] = nil
            presentation = payload
            form = .joseCOSE
        }
    }
}
