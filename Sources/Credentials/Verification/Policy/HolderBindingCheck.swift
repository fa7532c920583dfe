/// SD-JWT key binding: when the credential binds a holder key and the caller expects a
/// key-binding JWT, it must verify against that key for this audience and nonce.
public struct HolderBindingCheck: CredentialCheck {
    /// See ``CredentialCheck/isRequired``.
    public var isRequired: Bool
    /// See ``CredentialCheck/name``.
    public var name: VerificationCheck.Name { .holderBinding }

    /// A holder-binding check.
    public init(required: Bool = false) { isRequired = required }

    /// See ``CredentialCheck/evaluate(_:)``.
    public func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck {
        guard let sdJWT = input.secured.sdJWT, sdJWT.holderKey != nil else {
            return .notApplicable(.holderBinding, "The credential binds no holder key; a presentation binds the holder.")
        }
        guard let expectation = input.keyBinding else {
            if sdJWT.keyBinding == nil {
                return .notApplicable(.holderBinding, "No key-binding JWT was presented; it is checked when the credential is presented.")
            }
            return .failed(.holderBinding, "noChallenge", "A key-binding JWT was presented without a challenge to check it against.")
        }
        let verdict = sdJWT.verifyKeyBinding(audience: expectation.audience, nonce: expectation.nonce,
                                             now: UInt64(max(0, input.now / 1000)), maxAge: expectation.maxAge)
        if verdict == .verified { return .passed(.holderBinding, "The holder proved possession of the bound key for this challenge.") }
        return .failed(.holderBinding, "\(verdict)", "The key-binding JWT does not hold: \(verdict).")
    }
}
