public import Primitives

/// A verifiable credential secured as a JWT: W3C VC-JOSE-COSE `vc+jwt`, or the legacy VC DM
/// 1.1 form with a `vc` claim, read into one credential JSON object.
///
/// Parsing does not check the signature: resolve ``CompactJWS/kid`` to the issuer's key, then
/// call `jws.isValidSignature(by:)`.
/// ```swift
/// let token = try await JWTCredential.issue(credential, signer: signer)
/// let parsed = try JWTCredential(parsing: token)
/// parsed.jws.isValidSignature(by: issuerKey)   // true
/// parsed.credential == credential              // true
/// ```
public struct JWTCredential: Sendable, Hashable {
    /// The signed token.
    public let jws: CompactJWS
    /// The credential: the payload itself (``JWTForm/joseCOSE``) or the `vc` claim with the
    /// registered claims written back into it (``JWTForm/legacyVCClaim``).
    public let credential: JSONObject
    /// Which encoding the token used.
    public let form: JWTForm

    /// Secures a VC DM 2.0 credential as a `vc+jwt` (header `typ` `vc+jwt`, `cty` `vc`, the
    /// signer's `alg` and `kid`; the payload is the credential's compact JSON).
    /// - Parameters:
    ///   - credential: the unsecured credential.
    ///   - signer: the issuer's key.
    /// - Returns: the compact JWS.
    /// - Throws: the signer's error.
    public static func issue(_ credential: JSONObject, signer: any CredentialSigner) async throws -> String {
        try await CompactJWS.sign(header: ["typ": "vc+jwt", "cty": "vc"], payload: JSONValue.object(credential).serialized(),
                                  signer: signer)
    }

    /// The JWT payload as received (for a legacy token, with its `vc` claim and JWT claims).
    public let payload: JSONObject

    /// Reads a JWT-secured credential in either form.
    /// - Parameter jwt: the compact token.
    /// - Throws: `CredentialsError.invalidJWS` for an unreadable token;
    ///   `CredentialsError.invalidJWT` for a missing `kid`, a `typ` other than `vc+jwt`/`JWT`,
    ///   or a payload that is neither a credential nor carries a `vc` object;
    ///   `CredentialsError.jwtClaimConflict` when a legacy registered claim disagrees with the
    ///   `vc` member it stands for.
    public init(parsing jwt: String) throws {
        jws = try CompactJWS(parsing: jwt)
        let payload = try JWTClaims.payloadObject(of: jws, acceptedTypes: ["vc+jwt", "JWT"])
        self.payload = payload
        if jws.typ != "vc+jwt", let vc = payload["vc"] {
            guard let vc = vc.objectValue else { throw CredentialsError.invalidJWT("JWT payload: the vc claim is not an object.") }
            credential = try JWTClaims.legacyCredential(vc, claims: payload)
            form = .legacyVCClaim
        } else {
            guard payload["@context"] != nil else {
                throw CredentialsError.invalidJWT("JWT payload: neither a credential (no @context) nor a legacy vc claim.")
            }
            credential = payload
            form = .joseCOSE
        }
    }
}
