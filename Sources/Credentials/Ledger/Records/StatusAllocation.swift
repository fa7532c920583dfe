public import Primitives

/// A range of a status list handed to one batch of credentials by an `evidence.anchor`
/// (`specs/credentials.md` §5.6).
public struct StatusAllocation: Sendable, Hashable {
    /// `revocation` or `suspension`.
    public let purpose: StatusPurpose
    /// The list id, `<issuer DID>/status/<purpose>/<n>`.
    public let list: String
    /// The first index; it must be the list's next free index when the anchor is applied.
    public let from: Int
    /// How many consecutive indexes.
    public let count: Int

    /// Creates an allocation.
    public init(purpose: StatusPurpose, list: String, from: Int, count: Int) {
        self.purpose = purpose
        self.list = list
        self.from = from
        self.count = count
    }

    /// The allocation as a payload member `{"purpose", "list", "from", "count"}`.
    public var jsonValue: JSONValue {
        ["purpose": .string(purpose.rawValue), "list": .string(list), "from": .number(Double(from)), "count": .number(Double(count))]
    }
}
