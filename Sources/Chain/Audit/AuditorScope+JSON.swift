public import Primitives

extension AuditorScope {
    /// The JSON form `{"from": ms, "to": ms, "types": [...]}`, absent members unbounded.
    public var json: JSONObject {
        var object = JSONObject()
        if let from { object["from"] = AuditJSON.number(from) }
        if let to { object["to"] = AuditJSON.number(to) }
        if let types { object["types"] = .array(types.map { .string($0.name) }) }
        return object
    }

    /// Reads the JSON form.
    /// - Parameter json: an object with optional `from`, `to` and `types`.
    /// - Throws: `ChainError.invalidBody` for other members, malformed values, or `from > to`.
    public init(json: JSONValue) throws(ChainError) {
        guard let object = json.objectValue else { throw .invalidBody("A scope is a JSON object.") }
        try AuditJSON.requireOnly(object, ["from", "to", "types"], in: "The scope")
        let from = try AuditJSON.milliseconds(object["from"], name: "from")
        let to = try AuditJSON.milliseconds(object["to"], name: "to")
        if let from, let to, from > to { throw .invalidBody("The scope's 'from' is later than its 'to'.") }
        var types: [TransactionType]?
        if let list = object["types"] {
            guard let names = list.arrayValue?.compactMap(\.stringValue), names.count == list.arrayValue?.count,
                  names.allSatisfy({ !$0.isEmpty }) else {
                throw .invalidBody("The scope's 'types' is a list of transaction type names.")
            }
            // The signature covers the JSON as sent, so only the one canonical list is accepted.
            guard names == Array(Set(names)).sorted() else {
                throw .invalidBody("The scope's 'types' must be sorted and without repeats.")
            }
            types = names.map { TransactionType($0) }
        }
        self.init(from: from, to: to, types: types)
    }
}
