internal import DID
internal import Primitives

extension SecuredCredential {
    /// A `vc+jwt` (VC-JOSE-COSE) or VC 1.1 `vc`-claim JWT.
    static func jwt(_ text: String) throws -> SecuredCredential {
        let jwt = try JWTCredential(parsing: text)
        let credential = try VerifiableCredential(json: jwt.credential)
        let payload = jwt.payload
        let times = try JWTClaims.times(payload)
        return SecuredCredential(
            format: jwt.form == .legacyVCClaim ? .legacyJWT : .jwt, credential: credential,
            anchored: jwt.form == .legacyVCClaim ? .object(jwt.credential) : .payload(jwt.jws.payload, evidence: payload["evidence"]),
            verificationMethod: jwt.jws.kid, checkSignature: signatureCheck(jwt.jws),
            notBefore: times.notBefore, expires: times.expires, sdJWT: nil)
    }

    /// A `vc+sd-jwt`, first stage: only the issuer-signed JWT is read (after refusing more
    /// Disclosures than ``SDJWT/maxDisclosures``), so that the issuer's signature is checked
    /// before any work proportional to the Disclosures; ``credential`` is the signed payload
    /// until ``disclosingSDJWT()``.
    static func sdJWT(_ text: String) throws -> SecuredCredential {
        let issuerJWS = try SDJWT.issuerSignedJWS(of: text)
        let payload = try payloadObject(issuerJWS)
        let times = try JWTClaims.times(payload)
        return SecuredCredential(
            format: .sdJWT, credential: try VerifiableCredential(json: payload),
            anchored: .payload(issuerJWS.payload, evidence: payload["evidence"]),
            verificationMethod: issuerJWS.kid, checkSignature: signatureCheck(issuerJWS),
            notBefore: times.notBefore, expires: times.expires, sdJWT: nil, pendingSDJWT: (text, issuerJWS, payload))
    }

    /// The second stage of an SD-JWT, run once the issuer's signature holds: the Disclosures
    /// and the key-binding JWT are read and the disclosed credential replaces the payload.
    /// Other formats are returned unchanged.
    /// - Throws: `CredentialsError` naming what is malformed (reported as the `format` check).
    func disclosingSDJWT() throws -> SecuredCredential {
        guard let pendingSDJWT else { return self }
        let sdJWT = try SDJWT(parsing: pendingSDJWT.text, issuer: (pendingSDJWT.jws, pendingSDJWT.payload))
        let credential = try VerifiableCredential(json: try sdJWT.disclosedCredential())
        guard credential.issuer == self.credential.issuer else {
            throw CredentialsError.invalidSDJWT("A Disclosure changes the issuer the issuer-signed JWT names.")
        }
        return SecuredCredential(format: format, credential: credential, anchored: anchored, verificationMethod: verificationMethod,
                                 checkSignature: checkSignature, notBefore: notBefore, expires: expires, sdJWT: sdJWT)
    }

    private static func payloadObject(_ jws: CompactJWS) throws -> JSONObject {
        guard let object = (try? JSONValue(parsing: jws.payload))?.objectValue else {
            throw CredentialsError.invalidCredential("The JWT payload is not a JSON object.")
        }
        if let alg = object["_sd_alg"], alg.stringValue != "sha-256" {
            throw CredentialsError.invalidSDJWT("_sd_alg \(alg) is not supported; only sha-256 is.")
        }
        return object
    }

    private static func signatureCheck(_ jws: CompactJWS) -> SignatureCheck {
        { key in
            jws.isValidSignature(by: key) ? nil
                : ("signatureMismatch", "The \(jws.header["alg"]?.stringValue ?? "?") signature does not match the JWT under the issuer's \(key.jwsAlgorithm) key: it was altered or signed by another key.")
        }
    }
}
