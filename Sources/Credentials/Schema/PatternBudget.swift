/// The pattern-matching work one verification may spend, shared by every `pattern` match it
/// runs (all subjects, all schemas, all array elements), in progress reports of the
/// regular-expression engine (``SchemaLimits/maxPatternWork``).
///
/// A cap per match alone would let a credential with a thousand strings under a backtracking
/// pattern cost a thousand times the cap; once this budget is spent, every further match
/// fails as too costly without running.
/// ```swift
/// var budget = PatternBudget()
/// let violations = schema.validate(subject, budget: &budget)
/// ```
public struct PatternBudget: Sendable, Hashable {
    /// The work one verification may spend by default: about 100 progress reports, some tens
    /// of milliseconds here, far beyond what a pattern that does not backtrack needs.
    public static let perVerification = 100

    /// The work left.
    public private(set) var remaining: Int

    /// Creates a budget.
    /// - Parameter work: the progress reports all matches together may take.
    public init(work: Int = Self.perVerification) {
        remaining = max(0, work)
    }

    /// Whether the budget is spent.
    public var isExhausted: Bool { remaining == 0 }

    /// Takes `work` from what is left.
    mutating func spend(_ work: Int) {
        remaining = max(0, remaining - work)
    }
}
