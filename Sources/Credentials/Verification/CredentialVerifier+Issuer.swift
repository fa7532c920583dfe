internal import DID
internal import Primitives

extension CredentialVerifier {
    /// Resolves the issuer's DID and finds the key the proof names among its assertion
    /// methods: the key must belong to the issuer, not merely verify the signature.
    func issuerKey(of secured: SecuredCredential) async -> (check: VerificationCheck, key: PublicKeyMaterial?) {
        let issuer = secured.credential.issuer
        guard let did = try? DID(parsing: issuer) else {
            // The proof is still checked with the key its DID URL names, so the report says
            // whether the signature holds even though the key cannot be tied to the issuer.
            var key: PublicKeyMaterial?
            if let reference = secured.verificationMethod, let url = try? DIDURL(parsing: reference),
               let document = await resolver.resolve(url.did).didDocument,
               let method = document.verificationMethod(url, authorizedFor: .assertionMethod) {
                key = try? method.publicKeyMaterial()
            }
            return (.failed(.issuer, "issuerNotDID", "The issuer '\(issuer)' is not a DID, so the signing key cannot be shown to be the issuer's."), key)
        }
        let result = await resolver.resolve(did)
        guard let document = result.didDocument, result.isSuccess else {
            let code = result.error?.code.name ?? "notFound"
            let why = result.error?.reason ?? "it did not resolve"
            return (.failed(.issuer, code, "The issuer \(issuer) cannot be resolved: \(why)"), nil)
        }
        if result.didDocumentMetadata.deactivated == true {
            return (.failed(.issuer, "deactivated", "The issuer \(issuer) is deactivated."), nil)
        }
        let candidates: [VerificationMethod]
        if let reference = secured.verificationMethod {
            guard let url = try? DIDURL(parsing: reference, relativeTo: did) else {
                return (.failed(.issuer, "invalidVerificationMethod", "The proof's key reference '\(reference)' is not a DID URL."), nil)
            }
            guard url.did == did else {
                return (.failed(.issuer, "keyNotIssuers", "The signing key \(url) belongs to \(url.did), not to the issuer \(issuer)."), nil)
            }
            guard let method = document.verificationMethod(url, authorizedFor: .assertionMethod) else {
                return (.failed(.issuer, "unknownKey", "The issuer's DID document lists no assertion key \(url)."), nil)
            }
            candidates = [method]
        } else {
            candidates = document.verificationMethods(authorizedFor: .assertionMethod)
        }
        for method in candidates {
            guard let key = keys.publicKey(of: method) else { continue }
            if secured.verificationMethod != nil || secured.checkSignature(key) == nil {
                return (.passed(.issuer, "\(issuer) resolves and lists \(method.id) for assertions."), key)
            }
        }
        if secured.verificationMethod != nil {
            return (.failed(.issuer, "invalidPublicKey", "The issuer's key \(secured.verificationMethod!) cannot be decoded."), nil)
        }
        return (.failed(.issuer, "unknownKey", "The JWT names no 'kid' and no assertion key of \(issuer) verifies it."), nil)
    }
}
