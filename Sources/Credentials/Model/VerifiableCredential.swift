public import Primitives

/// A credential in the W3C VC Data Model 2.0 (1.1 accepted on input), checked member by
/// member so that every malformed credential is refused with a reason naming the member.
///
/// The original JSON is kept as ``json``: proofs and evidence hashes are computed over it,
/// never over a re-encoding of these fields.
public struct VerifiableCredential: Sendable {
    /// The credential as received (for a JWT, its payload; for SD-JWT, the disclosed claims).
    public let json: JSONObject
    /// The data model version, from the first `@context`.
    public let version: DataModelVersion
    /// The optional `id`.
    public let id: String?
    /// The `type` values; `VerifiableCredential` is always among them.
    public let types: [String]
    /// The issuer's identifier (`issuer`, or `issuer.id`).
    public let issuer: String
    /// `validFrom` (2.0) or `issuanceDate` (1.1), in milliseconds since 1970.
    public let validFrom: Int64?
    /// `validUntil` (2.0) or `expirationDate` (1.1), in milliseconds since 1970.
    public let validUntil: Int64?
    /// The subjects; at least one.
    public let subjects: [JSONObject]
    /// The `credentialSchema` entries.
    public let schemas: [CredentialSchemaReference]
    /// The `credentialStatus` entries, as objects (parsed by the status check, which reports
    /// an unsupported or malformed entry as its own failure).
    public let statusEntries: [JSONObject]
    /// The `evidence` entries.
    public let evidence: [JSONObject]

    /// Checks and reads a credential.
    /// - Parameter json: the credential object.
    /// - Throws: `CredentialsError.invalidCredential` naming the first member that is missing
    ///   or malformed.
    public init(json: JSONObject) throws {
        let fields = JSONFieldReader(object: json, error: { CredentialsError.invalidCredential($0) })
        version = try DataModelVersion.of(json, what: "credential", error: { CredentialsError.invalidCredential($0) })
        self.json = json
        id = try fields.string("id")
        guard let types = try fields.strings("type") else {
            throw CredentialsError.invalidCredential("The credential has no 'type'; it must include VerifiableCredential.")
        }
        guard types.contains("VerifiableCredential") else {
            throw CredentialsError.invalidCredential("'type' must include VerifiableCredential; it has \(types.joined(separator: ", ")).")
        }
        self.types = types
        issuer = try Self.issuer(of: json)
        switch version {
        case .v2:
            validFrom = try fields.dateTime("validFrom")
            validUntil = try fields.dateTime("validUntil")
        case .v1:
            guard json["issuanceDate"] != nil else {
                throw CredentialsError.invalidCredential("A VC 1.1 credential needs 'issuanceDate'.")
            }
            validFrom = try fields.dateTime("issuanceDate")
            validUntil = try fields.dateTime("expirationDate")
        }
        guard let subjects = try fields.objects("credentialSubject") else {
            throw CredentialsError.invalidCredential("The credential has no 'credentialSubject'.")
        }
        guard !subjects.isEmpty else { throw CredentialsError.invalidCredential("'credentialSubject' must not be empty.") }
        self.subjects = subjects
        schemas = try (fields.objects("credentialSchema") ?? []).map(CredentialSchemaReference.init(json:))
        statusEntries = try fields.objects("credentialStatus") ?? []
        evidence = try fields.objects("evidence") ?? []
    }

    /// The credential's subject identifiers (`credentialSubject.id`), the holders a
    /// presentation must bind to.
    public var subjectIDs: [String] { subjects.compactMap { $0["id"]?.stringValue } }

    private static func issuer(of json: JSONObject) throws -> String {
        guard let value = json["issuer"] else { throw CredentialsError.invalidCredential("The credential has no 'issuer'.") }
        let text: String
        switch value {
        case .string(let string): text = string
        case .object(let object):
            guard let id = object["id"]?.stringValue else {
                throw CredentialsError.invalidCredential("An 'issuer' object needs a string 'id'.")
            }
            text = id
        default:
            throw CredentialsError.invalidCredential("'issuer' must be a URL or an object with an 'id', not \(JSONFieldReader.kind(of: value)).")
        }
        guard text.utf8.contains(UInt8(ascii: ":")), !text.utf8.contains(where: { $0 <= 0x20 }) else {
            throw CredentialsError.invalidCredential("'issuer' must be a URL such as a DID, not '\(text)'.")
        }
        return text
    }
}
