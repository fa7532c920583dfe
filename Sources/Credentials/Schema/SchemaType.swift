import Primitives

/// The seven JSON Schema primitive types of draft 2020-12 §6.1.1.
enum SchemaType: String, Sendable, CaseIterable {
    case object, array, string, number, integer, boolean, null

    /// Whether `value` is of this type; `1.0` is an integer, as JSON Schema compares numbers
    /// by value rather than by how they were written.
    func matches(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (.object, .object), (.array, .array), (.string, .string), (.boolean, .bool),
             (.null, .null), (.number, .number):
            true
        case (.integer, .number(let number)):
            number.isFinite && number.rounded(.towardZero) == number
        default:
            false
        }
    }

    /// The name of the type of `value`, for violation reasons.
    static func name(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): SchemaType.integer.matches(.number(number)) ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
