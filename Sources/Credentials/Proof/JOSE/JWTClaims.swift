internal import Primitives
internal import DID

/// The checks shared by `vc+jwt` and `vp+jwt`, and the VC DM 1.1 §6.3.1 mapping from
/// registered JWT claims to credential and presentation members.
enum JWTClaims {
    /// The payload of a credential or presentation JWT as a JSON object, after checking `kid`
    /// and `typ`.
    static func payloadObject(of jws: CompactJWS, acceptedTypes: Set<String>) throws -> JSONObject {
        guard let kid = jws.kid, !kid.isEmpty else {
            throw CredentialsError.invalidJWT("JWT header: kid is required to find the signer's verification method.")
        }
        if let typ = jws.typ, !acceptedTypes.contains(typ) {
            throw CredentialsError.invalidJWT("JWT header: typ '\(typ)' is not one of \(acceptedTypes.sorted()).")
        }
        guard let payload = (try? JSONValue(parsing: jws.payload))?.objectValue else {
            throw CredentialsError.invalidJWT("JWT payload: the payload is not a JSON object.")
        }
        return payload
    }

    /// The `vc` object with `iss`, `nbf`, `exp`, `jti`, `sub` written into `issuer`,
    /// `issuanceDate`, `expirationDate`, `id`, `credentialSubject.id`.
    static func legacyCredential(_ vc: JSONObject, claims: JSONObject) throws -> JSONObject {
        var credential = vc
        if let iss = try string("iss", claims) {
            if var issuer = vc["issuer"]?.objectValue {
                try merge(iss, into: &issuer, member: "id", claim: "iss", owner: "vc.issuer")
                credential["issuer"] = .object(issuer)
            } else {
                try merge(iss, into: &credential, member: "issuer", claim: "iss", owner: "vc")
            }
        }
        for (claim, member) in [("nbf", "issuanceDate"), ("exp", "expirationDate")] {
            guard let seconds = try NumericDate(claim: claim, in: claims)?.seconds else { continue }
            if let existing = vc[member], !existing.isNull {
                guard let text = existing.stringValue, DIDDateTime(parsing: text)?.secondsSince1970 == seconds else {
                    throw CredentialsError.jwtClaimConflict("JWT claim \(claim) (\(seconds)) disagrees with vc.\(member) (\(existing)).")
                }
            } else {
                credential[member] = .string(DIDDateTime(secondsSince1970: seconds).description)
            }
        }
        if let jti = try string("jti", claims) { try merge(jti, into: &credential, member: "id", claim: "jti", owner: "vc") }
        if let sub = try string("sub", claims) {
            guard var subject = (vc["credentialSubject"] ?? .object(JSONObject())).objectValue else {
                throw CredentialsError.invalidJWT("JWT payload: sub names one subject but vc.credentialSubject is not one object.")
            }
            try merge(sub, into: &subject, member: "id", claim: "sub", owner: "vc.credentialSubject")
            credential["credentialSubject"] = .object(subject)
        }
        return credential
    }

    /// The `vp` object with `iss` and `jti` written into `holder` and `id`.
    static func legacyPresentation(_ vp: JSONObject, claims: JSONObject) throws -> JSONObject {
        var presentation = vp
        if let iss = try string("iss", claims) {
            if var holder = vp["holder"]?.objectValue {
                try merge(iss, into: &holder, member: "id", claim: "iss", owner: "vp.holder")
                presentation["holder"] = .object(holder)
            } else {
                try merge(iss, into: &presentation, member: "holder", claim: "iss", owner: "vp")
            }
        }
        if let jti = try string("jti", claims) { try merge(jti, into: &presentation, member: "id", claim: "jti", owner: "vp") }
        return presentation
    }

    /// The registered time claims `nbf`, `exp` (and `iat`, which is only checked for form), in
    /// milliseconds since 1970: each a ``NumericDate`` or absent.
    /// - Throws: `CredentialsError.invalidNumericDate` for a malformed time claim.
    static func times(_ claims: JSONObject) throws -> (notBefore: Int64?, expires: Int64?) {
        _ = try NumericDate(claim: "iat", in: claims)
        return (try NumericDate(claim: "nbf", in: claims)?.milliseconds, try NumericDate(claim: "exp", in: claims)?.milliseconds)
    }

    static func string(_ claim: String, _ claims: JSONObject) throws -> String? {
        guard let value = claims[claim] else { return nil }
        guard let text = value.stringValue else { throw CredentialsError.invalidJWT("JWT payload: \(claim) is not a string.") }
        return text
    }

    /// Sets `object[member]` to `value`, or refuses when it already holds something else.
    private static func merge(_ value: String, into object: inout JSONObject, member: String, claim: String, owner: String) throws {
        if let existing = object[member], !existing.isNull {
            guard existing.stringValue == value else {
                throw CredentialsError.jwtClaimConflict("JWT claim \(claim) ('\(value)') disagrees with \(owner).\(member) (\(existing)).")
            }
        } else {
            object[member] = .string(value)
        }
    }
}
