public import Primitives

/// One entry of the consortium's log: a batch of transactions one node admitted, with its time
/// (`specs/consortium.md` §3.1). Every node cuts one block from it, with `proposer` = ``node``
/// and `time` = `max(parent time, time)` (§4).
public struct LogEntry: Sendable, Hashable {
    /// At most this many transactions per entry.
    public static let maximumTransactions = 500
    /// At most this many bytes of encoded entry (etcd's default request limit is 1.5 MiB).
    public static let maximumBytes = 1 << 20

    /// The appending node's key.
    public let node: [UInt8]
    /// Milliseconds since 1970, the appending node's clock.
    public let time: UInt64
    /// The transactions' wire forms, in order.
    public let transactions: [[UInt8]]

    /// Creates an entry.
    public init(node: [UInt8], time: UInt64, transactions: [[UInt8]]) {
        self.node = node
        self.time = time
        self.transactions = transactions
    }

    /// `JCS({"node": hex, "time": ms, "transactions": [base64url, ...]})`.
    public var encoded: [UInt8] {
        JCS.canonicalize(.object([
            "node": .string(Hex.encode(node)), "time": .number(Double(time)),
            "transactions": .array(transactions.map { .string(Base64URL.encode($0)) }),
        ]))
    }

    /// Parses an entry.
    /// - Throws: `ChainError.malformedTransaction` naming what is wrong; every node refuses
    ///   such an entry whole.
    public init(decoding bytes: [UInt8]) throws(ChainError) {
        guard let value = try? JSONValue(parsing: bytes), let nodeText = value["node"]?.stringValue,
              let node = try? Hex.decode(nodeText), let time = value["time"]?.doubleValue, time >= 0, time < 9e15,
              time == time.rounded(), let items = value["transactions"]?.arrayValue,
              items.count <= Self.maximumTransactions else {
            throw ChainError.malformed("a log entry is not {node, time, transactions}")
        }
        var transactions: [[UInt8]] = []
        for item in items {
            guard let text = item.stringValue, let wire = try? Base64URL.decode(text) else {
                throw ChainError.malformed("a log entry's transaction is not base64url")
            }
            transactions.append(wire)
        }
        self.init(node: node, time: UInt64(time), transactions: transactions)
    }
}
