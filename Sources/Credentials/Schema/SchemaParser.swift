import Foundation
import Primitives

/// Turns a schema document into ``SchemaNode``s, refusing anything it does not implement:
/// a keyword silently ignored would let credentials through that the issuer meant to refuse.
struct SchemaParser {
    static let dialect = "https://json-schema.org/draft/2020-12/schema"
    static let annotations: Set<String> = ["$schema", "$id", "title", "description"]

    let limits: SchemaLimits
    private var nodeCount = 0

    init(limits: SchemaLimits) {
        self.limits = limits
    }

    mutating func parse(_ value: JSONValue, pointer: String = "", depth: Int = 0) throws -> SchemaNode {
        try count(1, at: pointer)
        guard depth <= limits.maxDepth else {
            throw CredentialsError.invalidSchema(
                "Subschema at '\(pointer)' nests deeper than the limit of \(limits.maxDepth).")
        }
        var node = SchemaNode(pointer: pointer)
        if let verdict = value.boolValue {
            node.constantVerdict = verdict
            return node
        }
        guard let object = value.objectValue else {
            throw CredentialsError.invalidSchema("Subschema at '\(pointer)' must be an object or a boolean.")
        }
        for (keyword, member) in object {
            let at = JSONPointer.appending(pointer, keyword)
            if try parseCommon(keyword, member, at: at, depth: depth, into: &node) { continue }
            if try parseValueKeyword(keyword, member, at: at, into: &node) { continue }
            throw CredentialsError.invalidSchema(
                "Schema keyword '\(keyword)' at '\(at)' is not supported; remove it or use a supported keyword.")
        }
        return node
    }

    /// Annotations and the keywords that hold subschemas.
    private mutating func parseCommon(
        _ keyword: String, _ member: JSONValue, at: String, depth: Int, into node: inout SchemaNode
    ) throws -> Bool {
        switch keyword {
        case "$schema":
            guard depth == 0, member.stringValue == Self.dialect else {
                throw CredentialsError.invalidSchema(
                    "'$schema' at '\(at)' must be \(Self.dialect), and only at the root.")
            }
        case "$id", "title", "description":
            guard member.stringValue != nil else {
                throw CredentialsError.invalidSchema("'\(keyword)' at '\(at)' must be a string.")
            }
        case "properties":
            guard let members = member.objectValue else {
                throw CredentialsError.invalidSchema("'properties' at '\(at)' must be an object.")
            }
            for (name, subschema) in members {
                let child = try parse(subschema, pointer: JSONPointer.appending(at, name), depth: depth + 1)
                node.properties.append((name, child))
            }
        case "additionalProperties":
            node.additionalProperties = try parse(member, pointer: at, depth: depth + 1)
        case "items":
            node.items = try parse(member, pointer: at, depth: depth + 1)
        case "required":
            node.required = try strings(member, at: at)
        case "enum":
            guard let values = member.arrayValue else {
                throw CredentialsError.invalidSchema("'enum' at '\(at)' must be an array.")
            }
            try count(values.count, at: at)
            node.enumValues = values
        case "const":
            node.constValue = member
        default:
            return false
        }
        return true
    }

    private mutating func strings(_ member: JSONValue, at: String) throws -> [String] {
        guard let array = member.arrayValue else {
            throw CredentialsError.invalidSchema("'\(at)' must be an array of strings.")
        }
        try count(array.count, at: at)
        let names = array.compactMap(\.stringValue)
        guard names.count == array.count, Set(names.map { Array($0.utf8) }).count == names.count else {
            throw CredentialsError.invalidSchema("'\(at)' must be an array of distinct strings.")
        }
        return names
    }

    private mutating func count(_ added: Int, at pointer: String) throws {
        nodeCount += added
        guard nodeCount <= limits.maxNodes else {
            throw CredentialsError.invalidSchema(
                "Schema exceeds the limit of \(limits.maxNodes) subschemas and values at '\(pointer)'.")
        }
    }
}
