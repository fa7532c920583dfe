package import Credentials
package import DID
package import Foundation
package import KeyCustody
package import Primitives

extension NodeRuntime {
    /// Issues the credential of a VC API request as `did`: checks each subject against every
    /// CPT its `credentialSchema` names, allocates the revocation and suspension entries and
    /// anchors the credential as ``anchorBatch(did:issuer:count:holderKeys:custody:draft:)``
    /// does for every issuance, then signs it in the requested format.
    /// - Parameters:
    ///   - request: the checked request.
    ///   - did: the authenticated account's DID (the request's issuer, checked by the caller).
    ///   - signer: its assertion key.
    ///   - custody: its custody, which signs the anchor transaction.
    /// - Returns: the VC API answer: an `EnvelopedVerifiableCredential` for JOSE formats, the
    ///   secured credential for Data Integrity.
    /// - Throws: a `NodeError` refusal for an unregistered CPT or a subject it refuses;
    ///   `CredentialsError` when the key cannot sign the format; chain and custody errors.
    package func issue(_ request: IssueRequest, did: DID, signer: any CredentialSigner, custody: AccountCustody) async throws -> JSONValue {
        let issuer = try CredentialIssuer(issuer: did.description, signer: signer, format: request.format)
        let ledger = credentialRegistry()
        for cpt in request.cpts {
            guard let schema = try CPTIdentifier(cpt).flatMap({ try ledger.credentialSchema(id: $0) }) else {
                throw NodeError.refusal("CPT \(cpt) is not registered on this chain; see `didctl cpt register`.")
            }
            for (index, subject) in request.subjects.enumerated() {
                var claims = subject
                claims.removeValue(forKey: "id")
                if let violation = schema.validate(.object(claims)).first {
                    let member = request.subjects.count == 1 ? "credentialSubject" : "credentialSubject[\(index)]"
                    throw NodeError.refusal("'\(member)' does not satisfy \(cpt): \(violation)")
                }
            }
        }
        let holderKey = request.format == .sdJWT ? await holderKey(of: request.subjects.first) : nil
        let id = request.credentialID ?? "urn:uuid:\(UUID().uuidString.lowercased())"
        let credential = request.credential
        let anchored = try await anchorBatch(did: did, issuer: issuer, count: 1, holderKeys: [holderKey], custody: custody) { _, status in
            CredentialDraft(template: credential, id: id, status: status)
        }
        var prepared = anchored.prepared[0]
        prepared.evidence = try anchored.batch.evidence(at: 0)
        let secured = try await issuer.secure(prepared)
        let entries = anchored.entries[0].map {
            IssuedCredentialIndex.Entry(purpose: $0.statusPurpose.rawValue, list: $0.statusListCredential, index: $0.statusListIndex)
        }
        try IssuedCredentialIndex(directory: directory).append([(anchored.drafts[0].json["id"]?.stringValue ?? id, entries)])
        return request.format.vcAPIAnswer(secured)
    }

    /// For SD-JWT: the subject's authentication key when its `id` is a DID that resolves, so
    /// only the holder can present the credential.
    private func holderKey(of subject: JSONObject?) async -> PublicKeyMaterial? {
        guard let id = subject?["id"]?.stringValue, let did = try? DID(parsing: id),
              let document = await resolver().resolve(did).didDocument else { return nil }
        return document.verificationMethods(authorizedFor: .authentication).lazy.compactMap { try? $0.publicKeyMaterial() }.first
    }
}
