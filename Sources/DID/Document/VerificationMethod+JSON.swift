public import Primitives

extension VerificationMethod {
    static let knownMembers: Set<String> = ["id", "type", "controller", "publicKeyMultibase", "publicKeyJwk"]

    /// Reads a verification method from its JSON form (DID Core §5.2).
    /// - Parameters:
    ///   - json: the method's JSON object.
    ///   - base: the document's DID, against which a relative `id` such as `#key-1` resolves.
    /// - Throws: `DIDError.invalidDocument` when `id`, `type` or `controller` is missing or
    ///   malformed, or a key member has the wrong shape.
    public init(json: JSONValue, relativeTo base: DID) throws {
        let fields = try JSONFields(json, owner: "verification method")
        do {
            id = try DIDURL(parsing: fields.requiredString("id"), relativeTo: base)
            controller = try DID(parsing: fields.requiredString("controller"))
            publicKeyJwk = try fields.object["publicKeyJwk"].map(JWK.init(json:))
        } catch let error as DIDError where error.code != .invalidDocument {
            throw fields.error("A verification method has a malformed member: \(error.reason)")
        }
        type = MethodType(try fields.requiredString("type"))
        publicKeyMultibase = try fields.string("publicKeyMultibase")
        additionalProperties = fields.unknownMembers(excluding: Self.knownMembers)
    }

    /// The method as a JSON object, known members first, then the others in their order.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["id": .string(id.description), "type": .string(type.name),
                                  "controller": .string(controller.description)]
        if let publicKeyMultibase { object["publicKeyMultibase"] = .string(publicKeyMultibase) }
        if let publicKeyJwk { object["publicKeyJwk"] = publicKeyJwk.jsonValue }
        object.merge(additionalProperties)
        return .object(object)
    }
}
