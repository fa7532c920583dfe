internal import DID
public import Primitives

/// The unsigned credential an issuer builds for one subject: VC Data Model 2.0 with the
/// CPT named in `credentialSchema` and the allocated status entries.
public struct CredentialDraft: Sendable {
    /// The credential object, without evidence and proof.
    public var json: JSONObject

    /// Builds a draft.
    /// - Parameters:
    ///   - id: the credential's `id` (a `urn:uuid:`).
    ///   - issuer: the issuer's DID.
    ///   - types: extra types after `VerifiableCredential`.
    ///   - subject: the subject claims, with `id` = the holder's DID when there is one.
    ///   - schemaID: the CPT identifier, or `nil`.
    ///   - validFrom: ms since 1970.
    ///   - validUntil: ms since 1970, or `nil`.
    ///   - status: the allocated status entries.
    ///   - claimsVocabulary: an IRI under which JSON-LD reads the subject's claims that no
    ///     context defines (an embedded `{"@vocab": …}` after the VC 2.0 context, whose final
    ///     form has none), or `nil`. RDFC proofs need it: a claim JSON-LD cannot name would
    ///     be dropped from the signed form, and is refused instead (`specs/credentials.md` §5).
    public init(id: String, issuer: String, types: [String] = [], subject: JSONObject, schemaID: String?,
                validFrom: Int64, validUntil: Int64? = nil, status: [BitstringStatusListEntry] = [], claimsVocabulary: String? = nil) {
        var context: [JSONValue] = [.string(DataModelVersion.v2.rawValue)]
        if let claimsVocabulary { context.append(["@vocab": .string(claimsVocabulary)]) }
        var json: JSONObject = [
            "@context": .array(context),
            "id": .string(id),
            "type": .array((["VerifiableCredential"] + types).map(JSONValue.string)),
            "issuer": .string(issuer),
            "validFrom": .string(Self.dateTime(validFrom)),
        ]
        if let validUntil { json["validUntil"] = .string(Self.dateTime(validUntil)) }
        json["credentialSubject"] = .object(subject)
        if let schemaID { json["credentialSchema"] = CredentialSchemaReference(id: schemaID).json }
        if !status.isEmpty { json["credentialStatus"] = .array(status.map(\.jsonValue)) }
        self.json = json
    }

    /// Wraps a credential object built elsewhere.
    public init(json: JSONObject) { self.json = json }

    /// `YYYY-MM-DDThh:mm:ssZ` for a time in ms.
    static func dateTime(_ milliseconds: Int64) -> String {
        DIDDateTime(secondsSince1970: milliseconds / 1000).description
    }
}


