public import Primitives

/// One `credentialSchema` entry: the schema's `id` and its `type` (`JsonSchema` for a
/// Chancery CPT, whose id is `urn:chancery:cpt:<number>:<version>`).
public struct CredentialSchemaReference: Sendable, Hashable {
    /// The schema's identifier.
    public let id: String
    /// The schema type.
    public let type: String

    /// Creates a reference.
    public init(id: String, type: String = "JsonSchema") {
        self.id = id
        self.type = type
    }

    /// Reads an entry.
    /// - Throws: `invalidCredential` when `id` or `type` is missing or not a string.
    public init(json: JSONObject) throws {
        let fields = JSONFieldReader(object: json, error: { CredentialsError.invalidCredential($0) })
        guard let id = try fields.string("id"), let type = try fields.string("type") else {
            throw CredentialsError.invalidCredential("Each 'credentialSchema' entry needs a string 'id' and 'type'.")
        }
        self.init(id: id, type: type)
    }

    /// The JSON form.
    public var json: JSONValue { ["id": .string(id), "type": .string(type)] }
}
