internal import DID

extension CredentialVerifier {
    /// `validFrom ≤ now < validUntil` (with the policy's skew), and the JWT's own `nbf` / `exp`.
    func validity(of secured: SecuredCredential, now: Int64) -> VerificationCheck {
        let credential = secured.credential
        let skew = policy.clockSkew
        let starts = [credential.validFrom, secured.notBefore].compactMap { $0 }.max()
        let ends = [credential.validUntil, secured.expires].compactMap { $0 }.min()
        if let starts, now + skew < starts {
            return .failed(.validity, "notYetValid", "The credential is not valid until \(Self.text(starts)).")
        }
        if let ends, now - skew >= ends {
            return .failed(.validity, "expired", "The credential expired at \(Self.text(ends)).")
        }
        switch (starts, ends) {
        case (nil, nil): return .passed(.validity, "The credential states no validity period.")
        case (let from?, nil): return .passed(.validity, "Valid since \(Self.text(from)), with no expiry.")
        case (nil, let until?): return .passed(.validity, "Valid until \(Self.text(until)).")
        case (let from?, let until?): return .passed(.validity, "Valid from \(Self.text(from)) until \(Self.text(until)).")
        }
    }

    static func text(_ milliseconds: Int64) -> String {
        DIDDateTime(secondsSince1970: milliseconds / 1000).description
    }
}
