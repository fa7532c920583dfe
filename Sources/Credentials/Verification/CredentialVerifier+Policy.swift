extension CredentialVerifier {
    /// A result whose `format` check failed with `error`, followed by `checks`.
    static func malformed(_ error: any Error, checks: [VerificationCheck]) -> CredentialVerificationResult {
        let reason = (error as? CredentialsError)?.reason ?? "The credential cannot be read."
        let code = (error as? CredentialsError)?.code.name ?? "invalidCredential"
        return CredentialVerificationResult(checks: [.failed(.format, code, reason)] + checks, credential: nil, format: nil, issuer: nil, claims: [])
    }

    /// A check the policy requires but that did not apply fails; one not run because the
    /// proof failed stays as it is, the verification having failed already.
    func applyPolicy(_ check: VerificationCheck) -> VerificationCheck {
        guard check.outcome == .notApplicable, check.code != VerificationCheck.notCheckedCode, policy.required.contains(check.name) else { return check }
        return .failed(check.name, "required", "The policy requires this check, but \(check.reason.prefix(1).lowercased() + check.reason.dropFirst())")
    }
}
