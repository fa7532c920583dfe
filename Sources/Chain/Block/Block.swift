/// A signed header and its transactions.
public struct Block: Sendable {
    /// The signed header.
    public let signedHeader: SignedBlockHeader
    /// The transactions in block order.
    public let transactions: [Transaction]

    /// Creates a block.
    public init(signedHeader: SignedBlockHeader, transactions: [Transaction]) {
        self.signedHeader = signedHeader
        self.transactions = transactions
    }

    /// The block's height.
    public var height: UInt64 { signedHeader.header.height }
}
