internal import DID
internal import Primitives

extension SecuredCredential {
    /// A `vc+jwt` (VC-JOSE-COSE) or VC 1.1 `vc`-claim JWT.
    static func jwt(_ text: String) throws -> SecuredCredential {
        let jwt = try JWTCredential(parsing: text)
        let credential = try VerifiableCredential(json: jwt.credential)
        let payload = jwt.payload
        return SecuredCredential(
            format: jwt.form == .legacyVCClaim ? .legacyJWT : .jwt, credential: credential,
            anchored: jwt.form == .legacyVCClaim ? .object(jwt.credential) : .payload(jwt.jws.payload, evidence: payload["evidence"]),
            verificationMethod: jwt.jws.kid, checkSignature: signatureCheck(jwt.jws),
            notBefore: payload["nbf"]?.doubleValue.map { Int64($0) * 1000 },
            expires: payload["exp"]?.doubleValue.map { Int64($0) * 1000 }, sdJWT: nil)
    }

    /// A `vc+sd-jwt`: the issuer-signed payload is what is anchored; the data-model view is
    /// the disclosed credential.
    static func sdJWT(_ text: String) throws -> SecuredCredential {
        let sdJWT = try SDJWT(parsing: text)
        let credential = try VerifiableCredential(json: try sdJWT.disclosedCredential())
        let payload = try payloadObject(sdJWT.issuerJWS)
        return SecuredCredential(
            format: .sdJWT, credential: credential, anchored: .payload(sdJWT.issuerJWS.payload, evidence: payload["evidence"]),
            verificationMethod: sdJWT.issuerJWS.kid, checkSignature: signatureCheck(sdJWT.issuerJWS),
            notBefore: payload["nbf"]?.doubleValue.map { Int64($0) * 1000 },
            expires: payload["exp"]?.doubleValue.map { Int64($0) * 1000 }, sdJWT: sdJWT)
    }

    private static func payloadObject(_ jws: CompactJWS) throws -> JSONObject {
        guard let object = (try? JSONValue(parsing: jws.payload))?.objectValue else {
            throw CredentialsError.invalidCredential("The JWT payload is not a JSON object.")
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
