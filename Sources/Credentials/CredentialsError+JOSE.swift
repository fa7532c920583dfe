extension CredentialsError.Code {
    /// A compact JWS that cannot be read: wrong segment count, bad base64url, a header that is
    /// not a JSON object, a refused or missing `alg`, or a `crit` header.
    public static let invalidJWS = CredentialsError.Code("invalidJWS")
    /// A JWT-secured credential or presentation whose header or payload does not have the
    /// members its form requires (`kid`, `typ`, a JSON object payload, a `vc` or `vp` claim).
    public static let invalidJWT = CredentialsError.Code("invalidJWT")
    /// A legacy VC-JWT whose registered claim (`iss`, `nbf`, `exp`, `jti`, `sub`) disagrees
    /// with the member of the `vc` or `vp` object it stands for.
    public static let jwtClaimConflict = CredentialsError.Code("jwtClaimConflict")
    /// An SD-JWT, Disclosure or key-binding JWT that is malformed or fails the processing
    /// rules of RFC 9901 §7.1 (a repeated digest, an unreferenced Disclosure, a name clash).
    public static let invalidSDJWT = CredentialsError.Code("invalidSDJWT")
    /// A JWT time claim (`exp`, `nbf`, `iat`) that is not a whole number of seconds between
    /// 1970 and the year 9999 (``NumericDate``).
    public static let invalidNumericDate = CredentialsError.Code("invalidNumericDate")
}

extension CredentialsError {
    package static func invalidJWS(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidJWS, reason, file: file, line: line)
    }
    package static func invalidJWT(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidJWT, reason, file: file, line: line)
    }
    package static func jwtClaimConflict(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.jwtClaimConflict, reason, file: file, line: line)
    }
    package static func invalidNumericDate(claim: String, _ refusal: NumericDate.Refusal,
                                           file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidNumericDate, "JWT claim \(claim) \(refusal.sentence) (\(refusal.rawValue)); a NumericDate is whole seconds since 1970.",
             file: file, line: line)
    }
    package static func invalidSDJWT(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidSDJWT, reason, file: file, line: line)
    }
}
