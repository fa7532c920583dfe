/// A JSON value with exact semantics: numbers are IEEE-754 doubles (as in I-JSON, RFC 7493) and
/// strings and member names compare by their Unicode scalars, never by canonical equivalence.
///
/// Parse with ``init(parsing:limits:)``, serialize with ``serialized()`` and canonicalize for
/// signing with ``JCS/canonicalize(_:)``.
public enum JSONValue: Sendable {
    /// The literal `null`.
    case null
    /// The literal `true` or `false`.
    case bool(Bool)
    /// A number; parsed values are always finite.
    case number(Double)
    /// A string of Unicode scalars.
    case string(String)
    /// An ordered list of values.
    case array([JSONValue])
    /// A set of uniquely named members, kept in insertion order.
    case object(JSONObject)

    /// The string, if this value is a string.
    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    /// The number, if this value is a number.
    public var doubleValue: Double? {
        if case .number(let number) = self { number } else { nil }
    }

    /// The boolean, if this value is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let bool) = self { bool } else { nil }
    }

    /// The elements, if this value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    /// The members, if this value is an object.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    /// Whether this value is `null`.
    public var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// The member named `key` (compared by Unicode scalars), or `nil` if this is not an object
    /// or has no such member.
    /// - Parameter key: The exact member name.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index`, or `nil` if this is not an array or `index` is out of range.
    /// - Parameter index: A zero-based position.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }
}

extension JSONValue: Hashable {
    /// Exact equality: strings compare by Unicode scalars, objects by their members regardless of
    /// order, numbers by IEEE-754 `==` (so `0` equals `-0`, which serialize identically).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(left), .bool(right)): left == right
        case let (.number(left), .number(right)): left == right
        case let (.string(left), .string(right)): JSONKey(left) == JSONKey(right)
        case let (.array(left), .array(right)): left == right
        case let (.object(left), .object(right)): left == right
        default: false
        }
    }

    /// Hashes consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let bool): hasher.combine(1); hasher.combine(bool)
        case .number(let number): hasher.combine(2); hasher.combine(number)
        case .string(let string): hasher.combine(3); hasher.combine(JSONKey(string))
        case .array(let array): hasher.combine(4); hasher.combine(array)
        case .object(let object): hasher.combine(5); hasher.combine(object)
        }
    }
}
