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

    static func decode(_ input: JSONValue) throws -> PresentationEnvelope {
        switch input {
        case .string(let text):
            let jwt = try JWTPresentation(parsing: text)
            let presentation = try VerifiablePresentation(json: jwt.presentation)
            let jws = jwt.jws
            return PresentationEnvelope(
                format: "vp+jwt", presentation: presentation, holder: presentation.holder,
                verificationMethod: jws.kid, challenge: jwt.challenge, domain: jwt.domain,
                checkSignature: { key in jws.isValidSignature(by: key) ? nil : ("signatureMismatch", "The holder's signature does not match the presentation.") })
        case .object(let object):
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
                checkSignature: { key in SecuredCredential.checkDataIntegrity(.object(object), key: key) })
        default:
            throw CredentialsError.invalidPresentation("A presentation is a JSON object with a proof, or a JWT / SD-JWT string.")
        }
    }
}

extension PresentationVerifier {
    /// The holder's DID resolves, lists the proof's key under `authentication`, and the
    /// signature holds.
    func holderProof(_ envelope: PresentationEnvelope) async -> VerificationCheck {
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
        return .passed(.proof, "Signed by the holder's authentication key \(url).")
    }
}
