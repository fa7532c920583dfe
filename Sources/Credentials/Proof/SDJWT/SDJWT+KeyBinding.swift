internal import Primitives

extension SDJWT {
    /// Checks the key-binding JWT of an SD-JWT+KB (RFC 9901 §7.3 step 5), in this order:
    /// present, holder key, signature under `cnf.jwk` (with a matching `alg`), `typ` `kb+jwt`,
    /// `aud`, `nonce`, `iat` within `[now - maxAge, now]`, and `sd_hash` over ``presentedSDJWT``.
    ///
    /// Whether key binding is required is the verifier's policy, never inferred from the
    /// presentation (RFC 9901 §7.3 step 1); a verifier that requires it treats anything but
    /// ``KeyBindingVerdict/verified`` as a failure.
    /// - Parameters:
    ///   - audience: the `aud` this verifier expects.
    ///   - nonce: the nonce this verifier issued for the transaction.
    ///   - now: the verifier's time in seconds since 1970.
    ///   - maxAge: the oldest acceptable `iat`, in seconds before `now`.
    /// - Returns: ``KeyBindingVerdict/verified`` or the first failed check.
    public func verifyKeyBinding(audience: String, nonce: String, now: UInt64, maxAge: UInt64) -> KeyBindingVerdict {
        guard let keyBinding else { return .missing }
        guard let holderKey else { return .noHolderKey }
        guard keyBinding.isValidSignature(by: holderKey) else { return .signatureMismatch }
        guard keyBinding.typ == "kb+jwt" else { return .wrongType }
        let claims = (try? JSONValue(parsing: keyBinding.payload))?.objectValue ?? JSONObject()
        guard claims["aud"]?.stringValue == audience else { return .audienceMismatch }
        guard claims["nonce"]?.stringValue == nonce else { return .nonceMismatch }
        // NumericDate seconds are never negative, so the conversion to UInt64 is exact.
        guard let iat = try? NumericDate(claim: "iat", in: claims), UInt64(iat.seconds) <= now else { return .issuedInFuture }
        guard now - UInt64(iat.seconds) <= maxAge else { return .tooOld }
        guard claims["sd_hash"]?.stringValue == Disclosure.digest(of: presentedSDJWT) else { return .sdHashMismatch }
        return .verified
    }
}
