/// One check a ``VerificationPolicy`` runs on a credential, after the format, issuer and proof
/// checks every verification makes (as swift-certificates' `VerifierPolicy`s make up a
/// verifier): each reports one named outcome, and a policy is the list of them with, for each,
/// whether it must apply.
///
/// ```swift
/// let policy = VerificationPolicy(name: "registry-only", checks: [ValidityCheck(), StatusCheck(required: true)])
/// ```
public protocol CredentialCheck: Sendable {
    /// The name it reports under.
    var name: VerificationCheck.Name { get }
    /// Whether the credential must carry what the check examines: a `notApplicable` outcome of
    /// a required check fails the verification (`required`).
    var isRequired: Bool { get }
    /// Whether the check waits for the issuer's signature to hold: those that read registries
    /// or run schemas do, so an unsigned input cannot make the verifier work; a check that only
    /// compares times with the clock does not.
    var needsProvenCredential: Bool { get }
    /// Runs the check.
    /// - Parameter input: the credential and what the verification knows of it; a check may
    ///   draw on its shared pattern budget and anchor lookup.
    /// - Returns: the outcome, under ``name``.
    func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck
}

extension CredentialCheck {
    /// Registry and schema checks wait for a proven credential.
    public var needsProvenCredential: Bool { true }
}
