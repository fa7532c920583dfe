public import Primitives

/// A service (W3C DID Core §5.4): a way to interact with the DID subject, such as a credential
/// endpoint or a linked domain.
public struct Service: Hashable, Sendable {
    /// The service's URI; a relative reference such as `#agent` is stored resolved against the
    /// document's DID.
    public var id: String
    /// The service type, one or a set (DID Core allows both).
    public var type: OneOrMany<String>
    /// The endpoint: a URI string, a map, or a set of strings and maps.
    public var serviceEndpoint: JSONValue
    /// Members this module does not interpret, kept for round trips.
    public var additionalProperties: JSONObject

    /// Makes a service from its members.
    /// - Parameters:
    ///   - id: the service's URI, usually the document's DID with a fragment.
    ///   - type: one type or a set of types.
    ///   - serviceEndpoint: a URI string, a map, or a set of them.
    ///   - additionalProperties: other members to write.
    public init(id: String, type: OneOrMany<String>, serviceEndpoint: JSONValue,
                additionalProperties: JSONObject = JSONObject()) {
        self.id = id
        self.type = type
        self.serviceEndpoint = serviceEndpoint
        self.additionalProperties = additionalProperties
    }

    static let knownMembers: Set<String> = ["id", "type", "serviceEndpoint"]

    /// Reads a service from its JSON form.
    /// - Parameters:
    ///   - json: the service's JSON object.
    ///   - base: the document's DID, against which a relative `id` resolves.
    /// - Throws: `DIDError.invalidDocument` when `id`, `type` or `serviceEndpoint` is missing
    ///   or of the wrong JSON type.
    public init(json: JSONValue, relativeTo base: DID) throws {
        let fields = try JSONFields(json, owner: "service")
        var id = try fields.requiredString("id")
        if let first = id.utf8.first, "#?/".utf8.contains(first) {
            guard let resolved = try? DIDURL(parsing: id, relativeTo: base) else {
                throw fields.error("A service's relative id is not a valid DID URL reference.")
            }
            id = resolved.description
        }
        guard let type = try fields.stringOrStrings("type") else { throw fields.error("A service must have a type.") }
        guard let endpoint = fields.object["serviceEndpoint"] else { throw fields.error("A service must have a serviceEndpoint.") }
        self.init(id: id, type: type, serviceEndpoint: endpoint,
                  additionalProperties: fields.unknownMembers(excluding: Self.knownMembers))
    }

    /// The service as a JSON object, known members first.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["id": .string(id), "type": type.jsonValue { .string($0) },
                                  "serviceEndpoint": serviceEndpoint]
        object.merge(additionalProperties)
        return .object(object)
    }
}
