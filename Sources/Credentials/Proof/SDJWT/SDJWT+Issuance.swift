public import DID
public import Primitives

extension SDJWT {
    /// Issues a VC DM 2.0 credential as a `vc+sd-jwt` (RFC 9901 §4, W3C VC-JOSE-COSE §3.2).
    ///
    /// Each name in `disclosable` becomes a Disclosure: a plain name is a member of
    /// `credentialSubject`, a name starting with `/` a top-level member (`/validUntil`). Its
    /// digest goes in the `_sd` array of that object, sorted, with `decoys` decoy digests
    /// added to each such array; `_sd_alg` is `sha-256`; `cnf.jwk` carries the holder key.
    /// - Parameters:
    ///   - credential: the unsecured credential.
    ///   - disclosable: the selectively disclosable members.
    ///   - holderKey: the holder's key for key binding, or `nil`.
    ///   - signer: the issuer's key.
    ///   - salt: the source of salt bytes (16 random bytes in production; fixed in tests).
    ///   - decoys: the decoy digests added to each `_sd` array.
    /// - Returns: `issuer-JWT~disclosure~…~`.
    public static func issue(_ credential: JSONObject, disclosable: [String], holderKey: PublicKeyMaterial?,
                             signer: any CredentialSigner, salt: () -> [UInt8] = { SecureRandom.bytes(count: 16) },
                             decoys: Int = 0) async throws -> String {
        try await prepare(credential, disclosable: disclosable, holderKey: holderKey, salt: salt, decoys: decoys).sign(signer: signer)
    }

    /// The first half of ``issue(_:disclosable:holderKey:signer:salt:decoys:)``: the payload
    /// with its digests and the Disclosures, before signing, so an issuer can add members
    /// (Chancery's anchor evidence, which covers the payload) before it signs.
    /// - Returns: the unsigned payload and its Disclosures.
    /// - Throws: `CredentialsError.invalidSDJWT` for a name that is absent, structural
    ///   (`@context`, `type`, `issuer`, `credentialSubject`, `cnf`) or reserved (`_sd`,
    ///   `_sd_alg`, `...`), or a credential that already uses the reserved names; the signer's error.
    ///   (`issue` only).
    public static func prepare(_ credential: JSONObject, disclosable: [String], holderKey: PublicKeyMaterial?,
                               salt: () -> [UInt8] = { SecureRandom.bytes(count: 16) }, decoys: Int = 0) throws -> SDJWTDraft {
        let reserved: Set<String> = ["_sd", "_sd_alg", "...", "cnf"]
        guard credential.keys.allSatisfy({ !reserved.contains($0) }) else {
            throw CredentialsError.invalidSDJWT("The credential already uses one of _sd, _sd_alg, '...', cnf.")
        }
        var payload = credential
        var subject = credential["credentialSubject"]?.objectValue
        var topDigests: [String] = [], subjectDigests: [String] = []
        var disclosures: [Disclosure] = []
        for name in disclosable {
            let topLevel = name.hasPrefix("/")
            let member = topLevel ? String(name.dropFirst()) : name
            guard !reserved.contains(member), !(topLevel && ["@context", "type", "issuer", "credentialSubject"].contains(member)) else {
                throw CredentialsError.invalidSDJWT("'\(name)' cannot be made selectively disclosable.")
            }
            let value = topLevel ? payload.removeValue(forKey: member) : subject?.removeValue(forKey: member)
            guard let value else {
                throw CredentialsError.invalidSDJWT("'\(name)' is not a member of the credential\(topLevel ? "" : "Subject").")
            }
            let disclosure = Disclosure(salt: Base64URL.encode(salt()), claimName: member, value: value)
            disclosures.append(disclosure)
            if topLevel { topDigests.append(disclosure.digest) } else { subjectDigests.append(disclosure.digest) }
        }
        func withDecoys(_ digests: [String]) -> JSONValue {
            let decoyDigests = digests.isEmpty ? [] : (0..<max(0, decoys)).map { _ in Base64URL.encode(Hash.sha256(salt())) }
            return .array((digests + decoyDigests).sorted().map(JSONValue.string))
        }
        if var subject, !subjectDigests.isEmpty {
            subject["_sd"] = withDecoys(subjectDigests)
            payload["credentialSubject"] = .object(subject)
        }
        if !topDigests.isEmpty { payload["_sd"] = withDecoys(topDigests) }
        payload["_sd_alg"] = "sha-256"
        if let holderKey { payload["cnf"] = ["jwk": holderKey.jwk.jsonValue] }
        return SDJWTDraft(payload: payload, disclosures: disclosures)
    }
}
