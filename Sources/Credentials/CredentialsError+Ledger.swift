extension CredentialsError.Code {
    /// A CPT identifier that is not `urn:chancery:cpt:<number>:<version>`.
    public static let invalidCPTIdentifier = Self("invalidCPTIdentifier")
    /// A credential-ledger transaction body or payload that cannot be read.
    public static let invalidLedgerOperation = Self("invalidLedgerOperation")
    /// A request to the credential ledger that cannot be answered as asked (such as planning
    /// a status allocation of zero entries or for an unsupported purpose).
    public static let invalidLedgerRequest = Self("invalidLedgerRequest")
}

extension CredentialsError {
    package static func invalidCPTIdentifier(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidCPTIdentifier, reason, file: file, line: line)
    }
    package static func invalidLedgerOperation(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidLedgerOperation, reason, file: file, line: line)
    }
    package static func invalidLedgerRequest(_ reason: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(.invalidLedgerRequest, reason, file: file, line: line)
    }
}
