import Node
import Foundation
import Primitives

/// Turns CSV rows into subject claims, typing each column as the CPT's `properties` say
/// (`integer`, `number`, `boolean`; strings otherwise); an `id` column is the holder's DID.
enum CSVSubjects {
    static func read(_ path: String, schema: JSONValue?) throws -> [IssuanceSubject] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw DidctlFailure("Cannot read \(path) as UTF-8 text.")
        }
        let table = try CSVTable(parsing: text)
        let properties = schema?["properties"]?.objectValue ?? [:]
        return table.rows.map { row in
            var claims = JSONObject()
            for (index, name) in table.header.enumerated() where !name.isEmpty {
                let field = index < row.fields.count ? row.fields[index] : ""
                if field.isEmpty { continue }
                claims[name] = typed(field, as: properties[name]?["type"]?.stringValue)
            }
            return IssuanceSubject(line: row.line, claims: claims)
        }
    }

    /// A field the schema types as a number or boolean becomes one when it reads as one;
    /// otherwise it stays a string, and schema validation names the problem.
    private static func typed(_ field: String, as type: String?) -> JSONValue {
        switch type {
        case "integer", "number": if let number = Double(field), number.isFinite { return .number(number) }
        case "boolean": if field == "true" || field == "false" { return .bool(field == "true") }
        default: break
        }
        return .string(field)
    }
}
