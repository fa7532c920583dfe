internal import DID

extension CredentialVerifier {
    /// The signature holds under the issuer's key and, for a Data Integrity proof, the proof's
    /// `created` is not in the future and its `expires` not past.
    func proof(of secured: SecuredCredential, key: PublicKeyMaterial?, now: Int64) -> VerificationCheck {
        guard let key else { return .failed(.proof, "keyUnavailable", "The signature cannot be checked without the issuer's key.") }
        if let failure = secured.checkSignature(key) { return .failed(.proof, failure.code, failure.reason) }
        if let failure = secured.dataIntegrityProof?.timeFailure(at: now, clockSkew: policy.clockSkew) {
            return .failed(.proof, failure.code, failure.reason)
        }
        return .passed(.proof, "The \(key.jwsAlgorithm) signature by \(secured.verificationMethod ?? "the issuer's key") holds.")
    }
}
