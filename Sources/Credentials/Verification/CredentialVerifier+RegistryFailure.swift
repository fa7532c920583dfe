internal import DID

extension CredentialVerifier {
    /// A check whose registry read failed. Without a chain (``ChainlessCredentialRegistry``)
    /// the check cannot apply: it is reported not applicable with code `needsChain`, so the
    /// `standard` policy still verifies what a chain is not needed for, and `accredited`,
    /// which requires the check, fails naming what is missing. Any other read failure fails
    /// the check (`registryUnavailable`).
    static func registryFailure(_ name: VerificationCheck.Name, _ what: String, _ error: any Error) -> VerificationCheck {
        if let error = error as? CredentialsError, error.code == .needsChain {
            return VerificationCheck(name, .notApplicable, code: CredentialsError.Code.needsChain.name, reason: error.reason)
        }
        return .failed(name, "registryUnavailable", "\(what): \(error).")
    }
}

extension CredentialVerifier {
    /// A time in ms as a DID Core date-time, for reasons.
    static func text(_ milliseconds: Int64) -> String {
        DIDDateTime(secondsSince1970: milliseconds / 1000).description
    }
}
