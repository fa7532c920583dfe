/// `chain.anchor`: records a 32-byte digest with a short memo, so any admitted member can
/// prove that some data existed by a block's time. The first anchor of a digest wins.
///
/// Body: `B32 digest ‖ bytes memo` (memo at most 1,024 bytes). State: namespace `anchor`,
/// key = digest, value = `u64 height`; the memo stays in the transaction, not in state.
public struct AnchorHandler: TransactionHandler {
    /// The transaction type.
    public static let transactionType: TransactionType = "chain.anchor"
    /// The state namespace.
    public static let namespace = "anchor"
    /// The longest memo accepted.
    public static let maximumMemoLength = 1_024

    public let type = AnchorHandler.transactionType

    /// Creates the handler.
    public init() {}

    /// The body for anchoring `digest` with `memo`.
    public static func body(digest: [UInt8], memo: [UInt8] = []) -> [UInt8] {
        var writer = ByteWriter(capacity: 40 + memo.count)
        writer.raw(digest)
        writer.bytes(memo)
        return writer.bytes
    }

    /// The anchored digest: the memo stays in the transaction.
    public func prepare(_ transaction: Transaction) throws -> [UInt8] { try Self.decode(transaction.body).digest }

    public func apply(_ digest: [UInt8], of transaction: Transaction, context: TransactionContext, state: StateTransaction) throws {
        guard try state.value(namespace: Self.namespace, key: digest) == nil else {
            throw ChainError(.alreadyExists, "This digest is already anchored; the first anchor stands.")
        }
        var writer = ByteWriter(capacity: 8)
        writer.u64(context.height)
        state.put(namespace: Self.namespace, key: digest, value: writer.bytes)
    }

    private static func decode(_ body: [UInt8]) throws(ChainError) -> (digest: [UInt8], memo: [UInt8]) {
        var reader = ByteReader(body)
        do {
            let digest = try reader.raw(32)
            let memo = try reader.bytes(maxLength: maximumMemoLength)
            try reader.finish()
            return (digest, memo)
        } catch {
            throw .invalidBody("An anchor body is a 32-byte digest and a memo of at most \(maximumMemoLength) bytes: \(error.reason)")
        }
    }
}
