/// A member's stock of certified one-time keys: each is handed out once and then forgotten,
/// and keys of past epochs are dropped because the chain would refuse them.
public actor OneTimeKeyPool {
    private var keys: [OneTimeKeyCredential] = []

    /// Creates an empty pool.
    public init() {}

    /// The number of unused keys.
    public var count: Int { keys.count }

    /// Adds freshly issued keys.
    /// - Parameter credentials: keys with their certificates and envelopes.
    public func add(_ credentials: [OneTimeKeyCredential]) { keys.append(contentsOf: credentials) }

    /// Hands out one key and removes it from the pool, skipping keys older than `minimumEpoch`.
    /// - Parameter minimumEpoch: the oldest epoch the chain still accepts.
    /// - Returns: a key, or `nil` when the pool holds no usable key (refill it).
    public func take(minimumEpoch: UInt64 = 0) -> OneTimeKeyCredential? {
        keys.removeAll { $0.epoch < minimumEpoch }
        return keys.popLast()
    }
}
