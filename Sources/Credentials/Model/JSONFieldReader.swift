internal import DID
internal import Primitives

/// Reads typed members of a JSON object, with errors that name the member and what it must
/// be, so every malformed credential gets a specific reason.
struct JSONFieldReader {
    let object: JSONObject
    let error: (String) -> CredentialsError

    /// A short name for a JSON value's kind, for error messages.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    func string(_ name: String) throws -> String? {
        guard let value = object[name] else { return nil }
        guard let text = value.stringValue else { throw error("'\(name)' must be a string, not \(Self.kind(of: value)).") }
        return text
    }

    /// A string or an array of strings, as `type` is written.
    func strings(_ name: String) throws -> [String]? {
        guard let value = object[name] else { return nil }
        if let text = value.stringValue { return [text] }
        guard let array = value.arrayValue, !array.isEmpty else {
            throw error("'\(name)' must be a string or a non-empty array of strings, not \(Self.kind(of: value)).")
        }
        return try array.map {
            guard let text = $0.stringValue else { throw error("Each '\(name)' entry must be a string, not \(Self.kind(of: $0)).") }
            return text
        }
    }

    /// An object or an array of objects, as `credentialSubject`, `credentialStatus`,
    /// `credentialSchema` and `evidence` are written.
    func objects(_ name: String) throws -> [JSONObject]? {
        guard let value = object[name] else { return nil }
        if let single = value.objectValue { return [single] }
        guard let array = value.arrayValue else {
            throw error("'\(name)' must be an object or an array of objects, not \(Self.kind(of: value)).")
        }
        return try array.map {
            guard let entry = $0.objectValue else { throw error("Each '\(name)' entry must be an object, not \(Self.kind(of: $0)).") }
            return entry
        }
    }

    /// An XML Schema `dateTimeStamp` (RFC 3339 with a zone), in milliseconds since 1970.
    func dateTime(_ name: String) throws -> Int64? {
        guard let text = try string(name) else { return nil }
        guard let time = DIDDateTime(parsing: text) else {
            throw error("'\(name)' must be a date-time with a time zone such as 2026-01-01T00:00:00Z, not '\(text)'.")
        }
        return time.secondsSince1970 * 1000
    }
}
