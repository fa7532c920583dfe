/// The members of a JSON object: unique names (compared by Unicode scalars, not by Swift's
/// canonical equivalence) in insertion order, with constant-time lookup by name.
///
/// Equality ignores member order, as JSON does; ``JSONValue/serialized()`` keeps the order and
/// ``JCS/canonicalize(_:)`` sorts it.
public struct JSONObject: Sendable {
    /// One member: its name and value.
    public typealias Element = (key: String, value: JSONValue)

    private var members: [Element]
    /// Member positions by name, kept only for objects larger than ``indexThreshold``: the
    /// objects credentials are made of are small, and a linear scan over a few names is
    /// cheaper than hashing every name into a dictionary as the object is parsed.
    private var positions: [JSONKey: Int]
    private static let indexThreshold = 12

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
            position(of: key).map { members[$0].value }
        }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            if let position = position(of: key) {
                members[position].value = newValue
            } else {
                members.append((key: key, value: newValue))
                indexNewMember()
            }
        }
    }

    /// Removes the member named exactly `key`.
    /// - Parameter key: The exact member name.
    /// - Returns: The removed value, or `nil` if there was no such member.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        let removed = members.remove(at: position).value
        if members.count <= Self.indexThreshold {
            positions = [:]
        } else {
            positions.removeValue(forKey: JSONKey(key))
            for later in position..<members.count { positions[JSONKey(members[later].key)] = later }
        }
        return removed
    }

    /// Whether a member is named exactly `key`.
    func contains(_ key: JSONKey) -> Bool {
        position(of: key.string) != nil
    }

    /// Appends a member the caller has already checked is new (the parser, which reports
    /// duplicates itself).
    mutating func appendNew(_ key: JSONKey, _ value: JSONValue) {
        assert(position(of: key.string) == nil, "appendNew called with an existing name")
        members.append((key: key.string, value: value))
        indexNewMember()
    }

    /// The member named `key`, compared byte for byte (JSON names are not Unicode-normalised).
    private func position(of key: String) -> Int? {
        if members.count > Self.indexThreshold { return positions[JSONKey(key)] }
        for index in members.indices where JSONKey.sameBytes(members[index].key, key) { return index }
        return nil
    }

    /// Keeps ``positions`` after an append: built once the object outgrows a linear scan.
    private mutating func indexNewMember() {
        guard members.count > Self.indexThreshold else { return }
        if positions.isEmpty {
            for (index, member) in members.enumerated() { positions[JSONKey(member.key)] = index }
        } else {
            positions[JSONKey(members[members.count - 1].key)] = members.count - 1
        }
    }
}

extension JSONObject: Sequence {
    /// Iterates the members in order.
    /// - Returns: An iterator over `(key, value)` pairs.
    public func makeIterator() -> IndexingIterator<[Element]> {
        members.makeIterator()
    }

    /// The members in order, sharing the object's storage (no copy, unlike `Array(object)`).
    var storedMembers: [Element] { members }
}

extension JSONObject: Hashable {
    /// Whether both objects have the same names (exactly) with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.members.allSatisfy { member in
            rhs.position(of: member.key).map { rhs.members[$0].value } == member.value
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
