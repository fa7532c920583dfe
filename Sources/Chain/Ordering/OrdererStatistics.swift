/// Counters of the orderer's work, for benchmarks and the metrics endpoint.
public struct OrdererStatistics: Sendable, Codable, Hashable {
    /// Blocks committed since the node started.
    public var blocks = 0
    /// Transactions committed since the node started.
    public var transactions = 0
    /// Transactions refused at ordering (stateful checks).
    public var refused = 0
    /// Seconds spent applying transactions and building blocks.
    public var buildSeconds = 0.0
    /// Seconds spent in the store's commit (inserts and fsync), building excluded.
    public var storeSeconds = 0.0
    /// Seconds the orderer spent waiting for transactions or batch deadlines.
    public var idleSeconds = 0.0
    /// The longest single block commit (build and store), in seconds.
    public var longestCommitSeconds = 0.0

    /// All counters at zero, as a node starts (and a sum over several spans starts).
    public init() {}
}
