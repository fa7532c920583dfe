internal import DID
internal import Primitives

extension CredentialVerifier {
    /// The other proofs of a Data Integrity proof set or chain: each proof's verification
    /// method must resolve to a key its controller lists for assertions, and the proof must
    /// hold under it, in time; the first that does not is the proof check's failure.
    func otherProofsFailure(of secured: SecuredCredential, now: Int64) async -> VerificationCheck? {
        for (index, other) in secured.otherProofs.enumerated() {
            let reference = other.proof.options.verificationMethod
            let label = "Proof \(index + 2) of the set, by \(reference)"
            guard let url = try? DIDURL(parsing: reference) else {
                return .failed(.proof, "invalidVerificationMethod", "\(label): the key reference is not a DID URL.")
            }
            let result = await resolver.resolve(url.did)
            guard let document = result.didDocument, result.isSuccess, result.didDocumentMetadata.deactivated != true else {
                return .failed(.proof, result.error?.code.name ?? "deactivated", "\(label): \(url.did) cannot be resolved or is deactivated.")
            }
            guard let method = document.verificationMethod(url, authorizedFor: .assertionMethod), let key = keys.publicKey(of: method) else {
                return .failed(.proof, "unknownKey", "\(label): \(url.did) lists no assertion key \(url).")
            }
            if let failure = other.check(key) { return .failed(.proof, failure.code, "\(label): \(failure.reason)") }
            if let failure = other.proof.timeFailure(at: now, clockSkew: policy.clockSkew) {
                return .failed(.proof, failure.code, "\(label): \(failure.reason)")
            }
        }
        return nil
    }
}
