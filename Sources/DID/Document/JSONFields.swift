internal import Primitives

/// Typed reading of one JSON object's members, raising errors that name the object being read.
struct JSONFields {
    let object: JSONObject
    private let owner: String
    private let failure: @Sendable (String) -> DIDError

    /// - Parameters:
    ///   - value: the value that must be an object.
    ///   - owner: what the object is, for messages ("verification method").
    ///   - failure: makes the error to throw from a reason.
    init(_ value: JSONValue, owner: String, failure: @escaping @Sendable (String) -> DIDError = { .invalidDocument($0) }) throws {
        guard let object = value.objectValue else { throw failure("A \(owner) must be a JSON object.") }
        self.object = object
        self.owner = owner
        self.failure = failure
    }

    func error(_ reason: String) -> DIDError { failure(reason) }

    func string(_ key: String) throws -> String? {
        guard let value = object[key] else { return nil }
        guard let string = value.stringValue else { throw failure("The \(key) of a \(owner) must be a string.") }
        return string
    }

    func requiredString(_ key: String) throws -> String {
        guard let string = try string(key) else { throw failure("A \(owner) must have a \(key).") }
        return string
    }

    /// The elements of an array member, or `[]` when the member is absent.
    func array(_ key: String) throws -> [JSONValue] {
        guard let value = object[key] else { return [] }
        guard let array = value.arrayValue else { throw failure("The \(key) of a \(owner) must be an array.") }
        return array
    }

    /// A member that DID Core allows as a string or a set of strings.
    func stringOrStrings(_ key: String) throws -> OneOrMany<String>? {
        switch object[key] {
        case nil: return nil
        case .string(let string): return .one(string)
        case .array(let items):
            let strings = items.compactMap(\.stringValue)
            guard strings.count == items.count else { throw failure("The \(key) of a \(owner) must hold only strings.") }
            return .many(strings)
        default: throw failure("The \(key) of a \(owner) must be a string or an array of strings.")
        }
    }

    /// The members not named in `known`, in their order, so that extensions survive a round trip.
    func unknownMembers(excluding known: Set<String>) -> JSONObject {
        var rest = JSONObject()
        for (key, value) in object where !known.contains(key) { rest[key] = value }
        return rest
    }
}

extension JSONObject {
    /// Appends the members of `other` that this object does not already have.
    mutating func merge(_ other: JSONObject) {
        for (key, value) in other where self[key] == nil { self[key] = value }
    }
}

extension OneOrMany {
    /// The JSON form: a lone value or an array, as it was written.
    func jsonValue(_ transform: (Element) -> JSONValue) -> JSONValue {
        switch self {
        case .one(let element): transform(element)
        case .many(let elements): .array(elements.map(transform))
        }
    }
}
