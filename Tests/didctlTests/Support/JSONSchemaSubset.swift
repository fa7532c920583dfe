import Foundation

/// The part of JSON Schema `did-schema.json` uses, evaluated as ajv does with `strict: false`:
/// `type`, `properties`, `required`, `anyOf`, `items` (one schema, or draft-04's positional
/// array) and local `$ref`s; other keywords (`$def`, `description`) are annotations.
struct JSONSchemaSubset {
    let root: [String: Any]

    func accepts(_ value: Any, _ schema: [String: Any]) -> Bool {
        if let reference = schema["$ref"] as? String {
            let path = reference.hasPrefix("#/") ? reference.dropFirst(2).split(separator: "/").map(String.init) : []
            var target: Any? = root
            for part in path { target = (target as? [String: Any])?[part] }
            guard let resolved = target as? [String: Any] else { return false }
            return accepts(value, resolved)
        }
        if let type = schema["type"] as? String, !Self.hasType(value, type) { return false }
        if let required = schema["required"] as? [String] {
            guard let object = value as? [String: Any], required.allSatisfy({ object[$0] != nil }) else { return false }
        }
        if let properties = schema["properties"] as? [String: Any], let object = value as? [String: Any] {
            for (name, subschema) in properties {
                if let member = object[name], let subschema = subschema as? [String: Any], !accepts(member, subschema) { return false }
            }
        }
        if let options = schema["anyOf"] as? [[String: Any]], !options.contains(where: { accepts(value, $0) }) { return false }
        if let array = value as? [Any] {
            if let each = schema["items"] as? [String: Any], !array.allSatisfy({ accepts($0, each) }) { return false }
            if let positional = schema["items"] as? [[String: Any]], !zip(array, positional).allSatisfy({ accepts($0, $1) }) { return false }
        }
        return true
    }

    static func hasType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "null": value is NSNull
        default: true
        }
    }
}
