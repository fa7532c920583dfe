/// Caps on a credential schema, so a schema registered by anyone cannot exhaust the validator.
public struct SchemaLimits: Sendable, Hashable {
    /// The deepest nesting of subschemas accepted (the root is depth 0).
    public var maxDepth: Int
    /// The most subschemas, `enum` members and `required` names accepted in total.
    public var maxNodes: Int
    /// The longest `pattern` accepted, in Unicode scalars.
    public var maxPatternLength: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxDepth: The deepest nesting of subschemas.
    ///   - maxNodes: The most subschemas, `enum` members and `required` names in total.
    ///   - maxPatternLength: The longest `pattern`, in Unicode scalars.
    public init(maxDepth: Int = 32, maxNodes: Int = 10_000, maxPatternLength: Int = 1_024) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxPatternLength = maxPatternLength
    }

    /// Limits generous for any realistic credential subject.
    public static let `default` = SchemaLimits()
}
