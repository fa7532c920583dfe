/// The delegate's own rate limit: at most `count` delegated operations in each fixed window of
/// `perMilliseconds`, windows counted from 1970 in block time, so every node counts alike.
public struct DelegationRateLimit: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Operations allowed per window, at least 1.
    public let count: UInt64
    /// The window's length in milliseconds, at least 1.
    public let perMilliseconds: UInt64

    /// Creates a limit.
    /// - Throws: `ChainError.invalidBody` when either number is 0 or above 2⁵³.
    public init(count: UInt64, perMilliseconds: UInt64) throws(ChainError) {
        let largest: UInt64 = 1 << 53
        guard (1...largest).contains(count), (1...largest).contains(perMilliseconds) else {
            throw .invalidBody("A rate limit needs a count and a period of at least 1 (and at most 2^53).")
        }
        self.count = count
        self.perMilliseconds = perMilliseconds
    }

    public init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case count, perMilliseconds }
        let container = try decoder.container(keyedBy: Keys.self)
        try self.init(count: try container.decode(UInt64.self, forKey: .count),
                      perMilliseconds: try container.decode(UInt64.self, forKey: .perMilliseconds))
    }

    /// The window a block time falls in.
    public func window(atMilliseconds time: UInt64) -> UInt64 { time / perMilliseconds }

    /// When the window after the one holding `time` starts, milliseconds since 1970.
    public func nextWindowStart(afterMilliseconds time: UInt64) -> UInt64 { (window(atMilliseconds: time) + 1) * perMilliseconds }

    public var description: String { "\(count) per \(perMilliseconds) ms" }
}
