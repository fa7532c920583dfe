/// Where and when a transaction is being applied, passed in so that handlers never read a clock.
public struct TransactionContext: Sendable {
    /// The chain's id.
    public let chainId: String
    /// The height of the block being built.
    public let height: UInt64
    /// The block's time in milliseconds since 1970.
    public let time: UInt64
    /// The transaction's position in the block.
    public let index: Int
    /// The chain's crypto suite (`specs/chain.md` §9).
    public let suite: ChainCryptoSuite
    /// The chain's state rules from genesis (`specs/chain.md` §4.2).
    public let stateVersion: Int
}
