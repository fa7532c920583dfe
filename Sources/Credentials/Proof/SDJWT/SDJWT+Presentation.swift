public import Primitives

extension SDJWT {
    /// Makes a holder's presentation of an issued SD-JWT (RFC 9901 §7.2).
    ///
    /// A Disclosure is kept when its claim name, or its digest (the way to pick an array
    /// element), is in `disclose`; order is the issued order. With `keyBinding`, a KB-JWT
    /// (`typ` `kb+jwt`; claims `nonce`, `aud`, `iat`, `sd_hash` over the presented SD-JWT)
    /// signed by the holder key is appended.
    /// - Parameters:
    ///   - sdJWT: the SD-JWT as issued (ending with `~`).
    ///   - disclose: claim names or Disclosure digests to reveal.
    ///   - keyBinding: the verifier's audience and nonce, the time of signing in seconds since
    ///     1970, and the holder's key; `nil` for a presentation without key binding.
    /// - Returns: the SD-JWT or SD-JWT+KB text.
    /// - Throws: `CredentialsError.invalidSDJWT` for an input that is already an SD-JWT+KB or
    ///   a selected Disclosure nested in one that is not selected; parse errors of the input;
    ///   the signer's error.
    public static func present(_ sdJWT: String, disclose: Set<String>,
                               keyBinding: (audience: String, nonce: String, issuedAt: UInt64, signer: any CredentialSigner)?)
        async throws -> String {
        let issued = try SDJWT(parsing: sdJWT)
        guard issued.keyBinding == nil else {
            throw CredentialsError.invalidSDJWT("A holder receives an SD-JWT, not an SD-JWT+KB (RFC 9901 §7.2).")
        }
        let selected = issued.disclosures.filter { disclose.contains($0.digest) || $0.claimName.map(disclose.contains) == true }
        // RFC 9901 §7.2 step 2: each selected Disclosure must be reachable from the payload
        // through selected Disclosures only.
        var reachable = digests(in: .object(issued.payload))
        var pending = selected
        while let index = pending.firstIndex(where: { reachable.contains($0.digest) }) {
            reachable.formUnion(digests(in: pending.remove(at: index).value))
        }
        if let orphan = pending.first {
            throw CredentialsError.invalidSDJWT("Disclosure \(orphan.digest) is nested in a claim that is not disclosed.")
        }
        let presented = ([issued.issuerJWS.compact] + selected.map(\.encoded)).joined(separator: "~") + "~"
        guard let keyBinding else { return presented }
        let claims: JSONObject = ["nonce": .string(keyBinding.nonce), "aud": .string(keyBinding.audience),
                                  "iat": .number(Double(keyBinding.issuedAt)), "sd_hash": .string(Disclosure.digest(of: presented))]
        return presented + (try await CompactJWS.sign(header: ["typ": "kb+jwt"], payload: JSONValue.object(claims).serialized(),
                                                      signer: keyBinding.signer))
    }

    /// Every digest in `_sd` arrays and `{"...": digest}` elements of `value`, at any depth.
    private static func digests(in value: JSONValue) -> Set<String> {
        switch value {
        case .object(let object):
            var found = Set((object["_sd"]?.arrayValue ?? []).compactMap(\.stringValue))
            if object.count == 1, let digest = object["..."]?.stringValue { found.insert(digest) }
            for (_, member) in object { found.formUnion(digests(in: member)) }
            return found
        case .array(let array): return array.reduce(into: []) { $0.formUnion(digests(in: $1)) }
        default: return []
        }
    }
}
