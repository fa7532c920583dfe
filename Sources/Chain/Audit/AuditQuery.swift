/// What an auditor asks of the index (`specs/audit.md` §5), optionally narrowed to a scope
/// within the auditor's own.
public struct AuditQuery: Sendable, Hashable {
    /// The kinds of query.
    public enum Kind: Sendable, Hashable {
        /// Which member submitted one transaction.
        case link(TransactionID)
        /// Every transaction of one member.
        case trace(MemberHandle)
        /// The audit queries recorded on the chain.
        case log
    }

    /// The kind and its parameter.
    public let kind: Kind
    /// A narrower scope asked for, or `nil` for the auditor's whole scope.
    public let scope: AuditorScope?

    /// Creates a query.
    /// - Parameters:
    ///   - kind: the kind and its parameter.
    ///   - scope: a scope within the auditor's, or `nil`.
    public init(_ kind: Kind, scope: AuditorScope? = nil) {
        self.kind = kind
        self.scope = scope
    }

    /// The kind's wire name: `link`, `trace` or `log`.
    public var name: String {
        switch kind {
        case .link: "link"
        case .trace: "trace"
        case .log: "log"
        }
    }
}
