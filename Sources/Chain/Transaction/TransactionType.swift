/// The type of a transaction (`gov.approve`, `did.create`, ...): the key under which upper
/// modules register handlers. A struct over a name so the set of types stays open.
public struct TransactionType: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The type's wire name.
    public let name: String

    /// Creates a type from its wire name.
    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { name }

    /// A committee member's approval of a governance action (`specs/chain.md` §5).
    public static let governanceApproval: TransactionType = "gov.approve"
    /// The record of an audit query, so auditors are audited.
    public static let auditQuery: TransactionType = "audit.query"
}
