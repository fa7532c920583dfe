/// Bounds the work of RDFC-1.0 on one dataset, so a poison graph (many blank nodes that first
/// degree hashes cannot tell apart, RDFC-1.0 section 4.4 and its negative tests) is refused in
/// bounded time instead of running for hours.
///
/// Datasets without indistinguishable blank nodes, such as ordinary credentials, never call
/// Hash N-Degree Quads and are unaffected.
public struct CanonicalizationLimits: Sendable, Hashable {
    /// The most calls of the Hash N-Degree Quads algorithm (section 4.8) for one dataset.
    public var maxHashNDegreeQuadsCalls: Int
    /// The most permutations of related blank nodes it may try, over all calls.
    public var maxPermutations: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxHashNDegreeQuadsCalls: The most Hash N-Degree Quads calls for one dataset.
    ///   - maxPermutations: The most permutations tried for one dataset.
    public init(maxHashNDegreeQuadsCalls: Int = 1_000, maxPermutations: Int = 10_000) {
        self.maxHashNDegreeQuadsCalls = maxHashNDegreeQuadsCalls
        self.maxPermutations = maxPermutations
    }

    /// 1,000 calls and 10,000 permutations: twice what the hardest eval tests of the W3C suite
    /// need (its "double circle" tests 044-046 need more than 200 calls and more than 1,000
    /// permutations), and its 10-node clique is refused after a few milliseconds of work.
    public static let `default` = CanonicalizationLimits()
}
