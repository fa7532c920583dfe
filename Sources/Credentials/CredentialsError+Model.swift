extension CredentialsError.Code {
    /// A credential that does not meet the VC Data Model: a missing or wrong-typed
    /// `@context`, `type`, `issuer`, `credentialSubject` or validity member.
    public static let invalidCredential = Self("invalidCredential")
    /// A presentation that does not meet the VC Data Model.
    public static let invalidPresentation = Self("invalidPresentation")
    /// An issuance request that cannot be carried out: a subject the schema refuses, a
    /// signer whose key the issuer's DID does not list, a failed anchor.
    public static let issuanceFailed = Self("issuanceFailed")
}

extension CredentialsError {
    package static func invalidCredential(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidCredential, reason, file: file, line: line)
    }
    package static func invalidPresentation(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidPresentation, reason, file: file, line: line)
    }
    package static func issuanceFailed(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.issuanceFailed, reason, file: file, line: line)
    }
}
