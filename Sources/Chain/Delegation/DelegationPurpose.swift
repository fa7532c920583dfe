/// What a delegation lets its delegate do for the delegating account (`specs/custody.md`
/// "Delegated accounts"). A struct over a name, so that purposes can be added later.
public struct DelegationPurpose: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The purpose's wire name.
    public let name: String

    /// Key changes and deactivation: what an account that lost its key needs done.
    public static let recovery = DelegationPurpose(uncheckedName: "recovery")
    /// Everything else: services and other changes that leave the keys as they are.
    public static let operations = DelegationPurpose(uncheckedName: "operations")
    /// Every purpose this version knows.
    public static let all: [DelegationPurpose] = [.operations, .recovery]

    private init(uncheckedName: String) { name = uncheckedName }

    /// Parses a purpose name.
    /// - Throws: `ChainError.invalidBody` for a name this version does not know.
    public init(name: String) throws(ChainError) {
        guard let known = Self.all.first(where: { $0.name == name }) else {
            throw .invalidBody("'\(name)' is not a delegation purpose; use \(Self.all.map(\.name).joined(separator: " or ")).")
        }
        self = known
    }

    public init(from decoder: any Decoder) throws { try self.init(name: try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
    public var description: String { name }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.name < rhs.name }
}
