public import Primitives

extension DIDDocument {
    static let knownMembers: Set<String> = Set(["@context", "id", "alsoKnownAs", "controller", "verificationMethod", "service"]
        + VerificationRelationship.allCases.map(\.rawValue))

    /// Reads a document from its JSON form (DID Core §6.2, also the JSON-LD form of §6.3).
    ///
    /// Only shapes are checked here; ``validateStructure()`` checks how the parts fit.
    /// - Parameter json: the document's JSON object.
    /// - Throws: `DIDError.invalidDocument` when a member DID Core defines has the wrong shape.
    public init(json: JSONValue) throws {
        let fields = try JSONFields(json, owner: "DID document")
        let base: DID
        do { base = try DID(parsing: fields.requiredString("id")) } catch let error as DIDError where error.code == .invalidDid {
            throw DIDError.invalidDocument("A DID document's id must be a DID: \(error.reason)")
        }
        self.init(id: base, context: fields.object["@context"])
        alsoKnownAs = try fields.stringOrStrings("alsoKnownAs").map { alias in
            guard case .many(let uris) = alias else { throw fields.error("alsoKnownAs must be an array of strings.") }
            return uris
        } ?? []
        controller = try fields.stringOrStrings("controller").map { value in
            do {
                return switch value {
                case .one(let text): .one(try DID(parsing: text))
                case .many(let texts): .many(try texts.map(DID.init(parsing:)))
                }
            } catch { throw fields.error("A DID document's controller must be one DID or an array of DIDs.") }
        }
        verificationMethod = try fields.array("verificationMethod").map { try VerificationMethod(json: $0, relativeTo: base) }
        for relationship in VerificationRelationship.allCases {
            self[relationship] = try fields.array(relationship.rawValue).map { entry in
                if case .string(let reference) = entry {
                    guard let url = try? DIDURL(parsing: reference, relativeTo: base) else {
                        throw fields.error("A \(relationship.rawValue) reference is not a DID URL.")
                    }
                    return .reference(url)
                }
                return .embedded(try VerificationMethod(json: entry, relativeTo: base))
            }
        }
        service = try fields.array("service").map { try Service(json: $0, relativeTo: base) }
        additionalProperties = fields.unknownMembers(excluding: Self.knownMembers)
    }

    /// Parses a document from JSON text.
    /// - Parameter text: the document as JSON.
    /// - Throws: `DIDError.invalidDocument` when `text` is not I-JSON or not a DID document.
    public init(parsing text: String) throws {
        let json: JSONValue
        do { json = try JSONValue(parsing: text) } catch {
            throw DIDError.invalidDocument("A DID document must be a JSON object: \(error)")
        }
        try self.init(json: json)
    }

    /// The document as a JSON object: DID Core members in specification order, then the others
    /// in their order; empty sets are left out.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        if let context { object["@context"] = context }
        object["id"] = .string(id.description)
        if !alsoKnownAs.isEmpty { object["alsoKnownAs"] = .array(alsoKnownAs.map { .string($0) }) }
        if let controller { object["controller"] = controller.jsonValue { .string($0.description) } }
        if !verificationMethod.isEmpty { object["verificationMethod"] = .array(verificationMethod.map(\.jsonValue)) }
        for relationship in VerificationRelationship.allCases where !self[relationship].isEmpty {
            object[relationship.rawValue] = .array(self[relationship].map { entry in
                switch entry {
                case .embedded(let method): method.jsonValue
                case .reference(let url): .string(url.description)
                }
            })
        }
        if !service.isEmpty { object["service"] = .array(service.map(\.jsonValue)) }
        object.merge(additionalProperties)
        return .object(object)
    }
}
