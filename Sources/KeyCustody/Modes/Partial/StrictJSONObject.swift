import Primitives

/// Reads a JSON object whose members are fixed by a spec: every member must be present, none
/// may be added, and hex must be in its one canonical spelling, so that no byte of an
/// authenticated document can change without changing what it means.
struct StrictJSONObject {
    private let object: JSONObject
    /// Builds the error for a violation, from a lowercase clause (keystore and association
    /// errors differ in code and wording).
    private let failure: @Sendable (String) -> KeyCustodyError
    /// Names this object in error clauses, e.g. `key 2` or `the kdf object`.
    private let context: String

    /// Checks that `value` is an object with exactly the members `names`.
    /// - Throws: the error `failure` builds, for any other value.
    init(_ value: JSONValue?, members names: Set<String>, context: String,
         failure: @escaping @Sendable (String) -> KeyCustodyError) throws {
        guard let object = value?.objectValue else { throw failure("\(context) is not a JSON object") }
        let present = Set(object.keys)
        guard present == names else {
            let extra = present.subtracting(names).sorted(), missing = names.subtracting(present).sorted()
            let problem = missing.isEmpty ? "has unknown members \(extra)" : "lacks members \(missing)"
            throw failure("\(context) \(problem)")
        }
        self.object = object
        self.context = context
        self.failure = failure
    }

    /// A member that is itself a strict object.
    func object(_ name: String, members: Set<String>) throws -> StrictJSONObject {
        try StrictJSONObject(object[name], members: members, context: "the \(name) object", failure: failure)
    }

    /// A string member.
    func string(_ name: String) throws -> String {
        guard let string = object[name]?.stringValue else { throw failure("\(name) in \(context) is not a string") }
        return string
    }

    /// A number member with an integer value within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = object[name]?.doubleValue, let integer = Int(exactly: number), range.contains(integer) else {
            throw failure("\(name) in \(context) is not an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    /// A member holding lowercase hex without prefix, of `count` bytes when given.
    func hex(_ name: String, count: Int? = nil) throws -> [UInt8] {
        let text = try string(name)
        guard let bytes = try? Hex.decode(text), Hex.encode(bytes) == text, count.map({ $0 == bytes.count }) ?? true else {
            let size = count.map { " of \($0) bytes" } ?? ""
            throw failure("\(name) in \(context) is not lowercase hex\(size)")
        }
        return bytes
    }

    /// An array member.
    func array(_ name: String) throws -> [JSONValue] {
        guard let array = object[name]?.arrayValue else { throw failure("\(name) in \(context) is not an array") }
        return array
    }
}
