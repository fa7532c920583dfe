/// Bounds the resources the JSON parser may spend on one document, so hostile input fails
/// quickly with an error instead of exhausting memory or the stack.
public struct JSONParsingLimits: Sendable, Hashable {
    /// The deepest allowed nesting of arrays and objects (a top-level `[]` has depth 1).
    ///
    /// Parsing itself never recurses, but comparing, hashing, serializing and releasing a value
    /// do, so keep this well below a few thousand.
    public var maxDepth: Int
    /// The largest accepted document, in bytes.
    public var maxInputBytes: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxDepth: The deepest allowed nesting of arrays and objects.
    ///   - maxInputBytes: The largest accepted document, in bytes.
    public init(maxDepth: Int = 128, maxInputBytes: Int = 16 * 1024 * 1024) {
        self.maxDepth = maxDepth
        self.maxInputBytes = maxInputBytes
    }

    /// Depth 128 and 16 MiB: ample for credentials and transactions.
    public static let `default` = JSONParsingLimits()
}
