/// `validFrom ≤ now < validUntil` (with the policy's skew), and a JWT's own `nbf` / `exp`.
public struct ValidityCheck: CredentialCheck {
    /// See ``CredentialCheck/isRequired``.
    public var isRequired: Bool
    /// See ``CredentialCheck/name``.
    public var name: VerificationCheck.Name { .validity }
    /// Times are compared before the proof holds: it costs nothing an attacker could exploit.
    public var needsProvenCredential: Bool { false }

    /// A validity check, required unless said otherwise.
    public init(required: Bool = true) { isRequired = required }

    /// See ``CredentialCheck/evaluate(_:)``.
    public func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck {
        let secured = input.secured, credential = secured.credential, now = input.now, skew = input.clockSkew
        let starts = [credential.validFrom, secured.notBefore].compactMap { $0 }.max()
        let ends = [credential.validUntil, secured.expires].compactMap { $0 }.min()
        if let starts, now + skew < starts {
            return .failed(.validity, "notYetValid", "The credential is not valid until \(CredentialVerifier.text(starts)).")
        }
        if let ends, now - skew >= ends {
            return .failed(.validity, "expired", "The credential expired at \(CredentialVerifier.text(ends)).")
        }
        switch (starts, ends) {
        case (nil, nil): return .passed(.validity, "The credential states no validity period.")
        case (let from?, nil): return .passed(.validity, "Valid since \(CredentialVerifier.text(from)), with no expiry.")
        case (nil, let until?): return .passed(.validity, "Valid until \(CredentialVerifier.text(until)).")
        case (let from?, let until?): return .passed(.validity, "Valid from \(CredentialVerifier.text(from)) until \(CredentialVerifier.text(until)).")
        }
    }
}
