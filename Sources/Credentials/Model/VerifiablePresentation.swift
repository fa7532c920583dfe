public import Primitives

/// A presentation in the W3C VC Data Model 2.0 (1.1 accepted on input): a holder's wrapper
/// around credentials, each of which is verified on its own.
public struct VerifiablePresentation: Sendable {
    /// The presentation as received (for a JWT, its payload).
    public let json: JSONObject
    /// The data model version, from the first `@context`.
    public let version: DataModelVersion
    /// The `holder`, when given (`holder` or `holder.id`).
    public let holder: String?
    /// The embedded credentials, each as a verifier input: an object secured with an
    /// embedded proof, or the compact JWT / SD-JWT text of an enveloped credential.
    public let credentials: [JSONValue]

    /// Checks and reads a presentation.
    /// - Throws: `CredentialsError.invalidPresentation` naming the member that is wrong.
    public init(json: JSONObject) throws {
        let error = { (reason: String) in CredentialsError.invalidPresentation(reason) }
        let fields = JSONFieldReader(object: json, error: error)
        version = try DataModelVersion.of(json, what: "presentation", error: error)
        self.json = json
        guard let types = try fields.strings("type") else {
            throw error("The presentation has no 'type'; it must include VerifiablePresentation.")
        }
        guard types.contains("VerifiablePresentation") else {
            throw error("'type' must include VerifiablePresentation; it has \(types.joined(separator: ", ")).")
        }
        switch json["holder"] {
        case nil: holder = nil
        case .string(let text)?: holder = text
        case .object(let object)?:
            guard let id = object["id"]?.stringValue else { throw error("A 'holder' object needs a string 'id'.") }
            holder = id
        case let other?: throw error("'holder' must be a URL or an object with an 'id', not \(JSONFieldReader.kind(of: other)).")
        }
        let entries: [JSONValue] = switch json["verifiableCredential"] {
        case nil: []
        case .array(let array)?: array
        case let single?: [single]
        }
        credentials = try entries.map(Self.credentialInput)
    }

    /// Unwraps an `EnvelopedVerifiableCredential` (`data:application/vc+jwt,<jwt>`, or
    /// `vc+sd-jwt`) to its compact form; passes other objects and VC 1.1 JWT strings through.
    private static func credentialInput(_ entry: JSONValue) throws -> JSONValue {
        switch entry {
        case .string: return entry
        case .object(let object):
            let token = try EnvelopedDocument.token(of: object, type: "EnvelopedVerifiableCredential",
                                                    mediaTypes: EnvelopedDocument.credentialMediaTypes)
            return token.map(JSONValue.string) ?? entry
        default:
            throw CredentialsError.invalidPresentation("Each 'verifiableCredential' entry must be a credential object or a JWT, not \(JSONFieldReader.kind(of: entry)).")
        }
    }
}
