/// Caps on a credential schema, so a schema registered by anyone cannot exhaust the validator.
public struct SchemaLimits: Sendable, Hashable {
    /// The deepest nesting of subschemas accepted (the root is depth 0).
    public var maxDepth: Int
    /// The most subschemas, `enum` members and `required` names accepted in total.
    public var maxNodes: Int
    /// The longest `pattern` accepted, in Unicode scalars.
    public var maxPatternLength: Int
    /// How much work matching one `pattern` against one string may take, in progress reports
    /// of the regular-expression engine (each after some thousands of backtracking steps, about
    /// 0.3 ms here); a string that needs more fails the pattern as too costly.
    public var maxPatternWork: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxDepth: The deepest nesting of subschemas.
    ///   - maxNodes: The most subschemas, `enum` members and `required` names in total.
    ///   - maxPatternLength: The longest `pattern`, in Unicode scalars.
    ///   - maxPatternWork: The most work matching one `pattern` may take, in engine progress reports.
    public init(maxDepth: Int = 32, maxNodes: Int = 10_000, maxPatternLength: Int = 1_024, maxPatternWork: Int = 30) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxPatternLength = maxPatternLength
        self.maxPatternWork = maxPatternWork
    }

    /// Limits generous for any realistic credential subject.
    public static let `default` = SchemaLimits()
}
