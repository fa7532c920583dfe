/// What an auditor may see (`specs/audit.md` §4): transactions whose block time lies in
/// `[from, to)` and whose type is one of `types`; a `nil` bound or type list means unbounded.
/// The committee sets an auditor's scope with the `setAuditorScope` governance action; an
/// auditor without one may see everything. A query may name a narrower scope of its own.
public struct AuditorScope: Sendable, Hashable {
    /// The earliest block time included, in milliseconds since 1970, or `nil` for no bound.
    public let from: UInt64?
    /// The first block time excluded, in milliseconds since 1970, or `nil` for no bound.
    public let to: UInt64?
    /// The transaction types included, sorted, or `nil` for every type.
    public let types: [TransactionType]?

    /// Every transaction of every time and type.
    public static let all = AuditorScope()

    /// Creates a scope.
    /// - Parameters:
    ///   - from: the earliest block time included, or `nil`.
    ///   - to: the first block time excluded, or `nil`.
    ///   - types: the types included, or `nil` for all.
    public init(from: UInt64? = nil, to: UInt64? = nil, types: [TransactionType]? = nil) {
        self.from = from
        self.to = to
        self.types = types.map { Array(Set($0)).sorted { $0.name < $1.name } }
    }

    /// Whether a transaction committed at `time` with `type` is inside the scope.
    /// - Parameters:
    ///   - time: the block time in milliseconds.
    ///   - type: the transaction type.
    /// - Returns: `true` when both the time and the type are included.
    public func contains(time: UInt64, type: TransactionType) -> Bool {
        (from.map { time >= $0 } ?? true) && (to.map { time < $0 } ?? true) && (types?.contains(type) ?? true)
    }

    /// Whether everything this scope includes is also in `outer`.
    /// - Parameter outer: the wider scope, such as the auditor's.
    /// - Returns: `true` when the time range and the types lie within `outer`'s.
    public func isWithin(_ outer: AuditorScope) -> Bool {
        let lower = outer.from.map { bound in from.map { $0 >= bound } ?? false } ?? true
        let upper = outer.to.map { bound in to.map { $0 <= bound } ?? false } ?? true
        let kinds = outer.types.map { allowed in types.map { Set($0).isSubset(of: allowed) } ?? false } ?? true
        return lower && upper && kinds
    }
}
