/// The members of a JSON object: unique names (compared by Unicode scalars, not by Swift's
/// canonical equivalence) in insertion order, with constant-time lookup by name.
///
/// Equality ignores member order, as JSON does; ``JSONValue/serialized()`` keeps the order and
/// ``JCS/canonicalize(_:)`` sorts it.
public struct JSONObject: Sendable {
    /// One member: its name and value.
    public typealias Element = (key: String, value: JSONValue)

    private var members: [Element]
    private var positions: [JSONKey: Int]

    /// Creates an empty object.
    public init() {
        members = []
        positions = [:]
    }

    /// Creates an object from name/value pairs in order; a repeated name keeps its first
    /// position and its last value.
    /// - Parameter pairs: The members, in order.
    public init(_ pairs: [(String, JSONValue)]) {
        self.init()
        members.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The member names in order.
    public var keys: [String] { members.map(\.key) }

    /// The value of the member named exactly `key`; setting `nil` removes the member, setting a
    /// new name appends it, setting an existing name replaces its value in place.
    /// - Parameter key: The exact member name.
    public subscript(key: String) -> JSONValue? {
        get {
            positions[JSONKey(key)].map { members[$0].value }
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            let exactKey = JSONKey(key)
            if let position = positions[exactKey] {
                members[position].value = newValue
            } else {
                positions[exactKey] = members.count
                members.append((key: key, value: newValue))
            }
        }
    }

    /// Removes the member named exactly `key`.
    /// - Parameter key: The exact member name.
    /// - Returns: The removed value, or `nil` if there was no such member.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = positions.removeValue(forKey: JSONKey(key)) else { return nil }
        let removed = members.remove(at: position).value
        for later in position..<members.count {
            positions[JSONKey(members[later].key)] = later
        }
        return removed
    }

    /// Whether a member is named exactly `key`.
    func contains(_ key: JSONKey) -> Bool {
        positions[key] != nil
    }

    /// Appends a member the caller has already checked is new (the parser, which reports
    /// duplicates itself).
    mutating func appendNew(_ key: JSONKey, _ value: JSONValue) {
        assert(positions[key] == nil, "appendNew called with an existing name")
        positions[key] = members.count
        members.append((key: key.string, value: value))
    }
}

extension JSONObject: Sequence {
    /// Iterates the members in order.
    /// - Returns: An iterator over `(key, value)` pairs.
    public func makeIterator() -> IndexingIterator<[Element]> {
        members.makeIterator()
    }
}

extension JSONObject: Hashable {
    /// Whether both objects have the same names (exactly) with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { member in
            rhs.positions[JSONKey(member.key)].map { rhs.members[$0].value } == member.value
        }
    }

    /// Hashes independently of member order, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(JSONKey(member.key))
            memberHasher.combine(member.value)
            sum &+= memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
