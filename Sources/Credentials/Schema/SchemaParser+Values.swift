import Foundation
import Primitives

extension SchemaParser {
    /// The keywords whose value is a number, a string or a flag rather than a subschema.
    func parseValueKeyword(_ keyword: String, _ member: JSONValue, at: String, into node: inout SchemaNode) throws -> Bool {
        switch keyword {
        case "type": node.types = try types(member, at: at)
        case "minLength": node.minLength = try count(member, at: at)
        case "maxLength": node.maxLength = try count(member, at: at)
        case "minItems": node.minItems = try count(member, at: at)
        case "maxItems": node.maxItems = try count(member, at: at)
        case "minimum": node.minimum = try number(member, at: at)
        case "maximum": node.maximum = try number(member, at: at)
        case "exclusiveMinimum": node.exclusiveMinimum = try number(member, at: at)
        case "exclusiveMaximum": node.exclusiveMaximum = try number(member, at: at)
        case "multipleOf":
            let divisor = try number(member, at: at)
            guard divisor > 0 else { throw CredentialsError.invalidSchema("'multipleOf' at '\(at)' must be greater than 0.") }
            node.multipleOf = divisor
        case "uniqueItems":
            guard let flag = member.boolValue else { throw CredentialsError.invalidSchema("'uniqueItems' at '\(at)' must be a boolean.") }
            node.uniqueItems = flag
        case "pattern": node.pattern = try pattern(member, at: at)
        case "format":
            guard let name = member.stringValue else { throw CredentialsError.invalidSchema("'format' at '\(at)' must be a string.") }
            guard let format = SchemaFormat(rawValue: name) else {
                let known = SchemaFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw CredentialsError.invalidSchema("Format '\(name)' at '\(at)' is not supported; use one of \(known).")
            }
            node.format = format
        default: return false
        }
        return true
    }

    private func types(_ member: JSONValue, at: String) throws -> [SchemaType] {
        let names = member.stringValue.map { [JSONValue.string($0)] } ?? member.arrayValue ?? []
        let types = names.compactMap { $0.stringValue.flatMap(SchemaType.init(rawValue:)) }
        guard !types.isEmpty, types.count == names.count, Set(types).count == types.count else {
            throw CredentialsError.invalidSchema(
                "'type' at '\(at)' must be one of object, array, string, number, integer, boolean, null, or a non-empty array of distinct ones.")
        }
        return types
    }

    private func count(_ member: JSONValue, at: String) throws -> Int {
        // 2.0 is accepted: JSON Schema compares numbers by value, not by spelling.
        guard let value = member.doubleValue, value >= 0, value <= Double(Int32.max), value.rounded(.towardZero) == value else {
            throw CredentialsError.invalidSchema("'\(at)' must be a non-negative integer.")
        }
        return Int(value)
    }

    private func number(_ member: JSONValue, at: String) throws -> Double {
        guard let value = member.doubleValue else { throw CredentialsError.invalidSchema("'\(at)' must be a number.") }
        return value
    }

    private func pattern(_ member: JSONValue, at: String) throws -> SchemaPattern {
        guard let source = member.stringValue else { throw CredentialsError.invalidSchema("'pattern' at '\(at)' must be a string.") }
        guard source.unicodeScalars.count <= limits.maxPatternLength else {
            throw CredentialsError.invalidSchema("'pattern' at '\(at)' is longer than the limit of \(limits.maxPatternLength).")
        }
        guard let regex = try? NSRegularExpression(pattern: source) else {
            throw CredentialsError.invalidSchema("'pattern' at '\(at)' is not a valid regular expression.")
        }
        return SchemaPattern(source: source, regex: regex, maxWork: limits.maxPatternWork)
    }
}
