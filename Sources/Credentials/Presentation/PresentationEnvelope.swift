internal import DID
internal import Primitives

/// A presentation unwrapped from its securing format.
struct PresentationEnvelope: Sendable {
    let format: String
    let presentation: VerifiablePresentation
    /// The holder: `holder`, or the JWT's `iss`.
    let holder: String?
    /// The key reference the holder's proof names.
    let verificationMethod: String?
    let challenge: String?
    let domain: String?
    let checkSignature: SecuredCredential.SignatureCheck
    /// The JWT's `nbf` / `exp` (ms since 1970), or the Data Integrity proof with its times.
    var notBefore: Int64? = nil, expires: Int64? = nil
    var dataIntegrityProof: DataIntegrityProof? = nil

    static func decode(_ input: JSONValue, canonicalForm: RDFCanonicalForm = .bundled) throws -> PresentationEnvelope {
        switch input {
        case .string(let text):
            let jwt = try JWTPresentation(parsing: text)
            let presentation = try VerifiablePresentation(json: jwt.presentation)
            let jws = jwt.jws
            return PresentationEnvelope(
                format: "vp+jwt", presentation: presentation, holder: presentation.holder,
                verificationMethod: jws.kid, challenge: jwt.challenge, domain: jwt.domain,
                checkSignature: { key in jws.isValidSignature(by: key) ? nil : ("signatureMismatch", "The holder's signature does not match the presentation.") },
                notBefore: jwt.notBefore, expires: jwt.expires)
        case .object(let object):
            if let token = try EnvelopedDocument.token(of: object, type: "EnvelopedVerifiablePresentation",
                                                       mediaTypes: EnvelopedDocument.presentationMediaTypes) {
                return try decode(.string(token), canonicalForm: canonicalForm)
            }
            let presentation = try VerifiablePresentation(json: object)
            guard case .object(let proofObject)? = object["proof"] else {
                throw CredentialsError.invalidPresentation("The presentation has no single 'proof' object; send a signed presentation.")
            }
            let proof = try DataIntegrityProof(parsing: proofObject)
            guard proof.options.proofPurpose == "authentication" else {
                throw CredentialsError.invalidProof("A presentation's proof must have proofPurpose 'authentication', not '\(proof.options.proofPurpose)'.")
            }
            return PresentationEnvelope(
                format: "Data Integrity", presentation: presentation, holder: presentation.holder,
                verificationMethod: proof.options.verificationMethod, challenge: proof.options.challenge, domain: proof.options.domain,
                checkSignature: { key in SecuredCredential.checkDataIntegrity(.object(object), key: key, canonicalForm: canonicalForm) },
                dataIntegrityProof: proof)
        default:
            throw CredentialsError.invalidPresentation("A presentation is a JSON object with a proof, or a JWT / SD-JWT string.")
        }
    }
}

extension PresentationEnvelope {
    /// A JWT presentation before its `nbf` or at or after its `exp`, or a Data Integrity proof
    /// created in the future or expired, does not hold at `now`.
    func timeFailure(at now: Int64, clockSkew: Int64) -> (code: String, reason: String)? {
        if let failure = dataIntegrityProof?.timeFailure(at: now, clockSkew: clockSkew) { return failure }
        let skew = max(0, clockSkew)
        if let notBefore, now.addingReportingOverflow(skew).partialValue < notBefore {
            return ("notYetValid", "The presentation JWT is not valid before its nbf, \(CredentialVerifier.text(notBefore)).")
        }
        if let expires, now.subtractingReportingOverflow(skew).partialValue >= expires {
            return ("expired", "The presentation JWT expired at \(CredentialVerifier.text(expires)).")
        }
        return nil
    }
}

extension PresentationVerifier {
    /// The holder's DID resolves, lists the proof's key under `authentication`, and the
    /// signature holds.
    func holderProof(_ envelope: PresentationEnvelope, now: Int64) async -> VerificationCheck {
        guard let holder = envelope.holder, let did = try? DID(parsing: holder) else {
            return .failed(.proof, "noHolder", "The presentation's holder is missing or not a DID.")
        }
        guard let reference = envelope.verificationMethod, let url = try? DIDURL(parsing: reference, relativeTo: did) else {
            return .failed(.proof, "invalidVerificationMethod", "The holder's proof names no key as a DID URL.")
        }
        guard url.did == did else {
            return .failed(.proof, "keyNotHolders", "The presentation is signed by a key of \(url.did), not of the holder \(holder).")
        }
        let resolution = await credentials.resolver.resolve(did)
        guard let document = resolution.didDocument, resolution.isSuccess, resolution.didDocumentMetadata.deactivated != true else {
            return .failed(.proof, resolution.error?.code.name ?? "deactivated", "The holder \(holder) cannot be resolved or is deactivated.")
        }
        guard let method = document.verificationMethod(url, authorizedFor: .authentication), let key = try? method.publicKeyMaterial() else {
            return .failed(.proof, "unknownKey", "The holder's DID document lists no authentication key \(url).")
        }
        if let failure = envelope.checkSignature(key) { return .failed(.proof, failure.code, failure.reason) }
        if let failure = envelope.timeFailure(at: now, clockSkew: credentials.policy.clockSkew) { return .failed(.proof, failure.code, failure.reason) }
        return .passed(.proof, "Signed by the holder's authentication key \(url).")
    }
}
