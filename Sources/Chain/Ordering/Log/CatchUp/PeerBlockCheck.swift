import Primitives

/// The checks a peer's block must pass before a catching-up node replays it
/// (`specs/consortium.md` §3.3), those of `chain verify` (`specs/chain.md` §6) that need no
/// state: height, chain id and suite, the link to the parent's hash and time, the transaction
/// count and Merkle root, an admitted proposer, and valid signatures of more than two thirds of
/// the nodes admitted at the parent. The replay that follows checks the state commitment.
///
/// ```swift
/// let check = PeerBlockCheck(chainId: genesis.chainId, suite: try genesis.suite())
/// if let reason = check.refusal(of: served, after: head, nodes: admitted) { /* ask another peer */ }
/// ```
public struct PeerBlockCheck: Sendable {
    let chainId: String
    let suite: ChainCryptoSuite

    /// The checks for blocks of the chain `chainId` in `suite`.
    public init(chainId: String, suite: ChainCryptoSuite) {
        self.chainId = chainId
        self.suite = suite
    }

    /// Why `block` cannot follow `parent`, or `nil` when it passes.
    /// - Parameters:
    ///   - block: the peer's block.
    ///   - parent: this node's header at the height below.
    ///   - nodes: the nodes admitted at the parent.
    /// - Returns: the reason, for the operator's message.
    public func refusal(of block: Block, after parent: BlockHeader, nodes: Set<[UInt8]>) -> String? {
        let header = block.signedHeader.header
        guard header.height == parent.height + 1 else { return "it is block \(header.height), not \(parent.height + 1)" }
        if let reason = refusal(ofHeader: block, nodes: nodes) { return reason }
        guard header.previousHash == parent.hash else { return "it does not link to block \(parent.height)'s hash" }
        guard header.time >= parent.time else { return "its time is earlier than its parent's" }
        guard nodes.contains(header.proposer) else { return "its proposer is not an admitted node" }
        return nil
    }

    /// Why `block`'s header, transactions or signatures are not what they claim, or `nil`: the
    /// checks for a block whose parent is not at hand (this node holds the block already).
    /// - Parameters:
    ///   - block: the peer's block.
    ///   - nodes: the nodes admitted at its parent.
    /// - Returns: the reason, for the operator's message.
    public func refusal(ofHeader block: Block, nodes: Set<[UInt8]>) -> String? {
        let signed = block.signedHeader
        let header = signed.header
        guard header.chainId == chainId, header.suite == suite else { return "it is of another chain or crypto suite" }
        guard block.transactions.allSatisfy({ $0.suite == suite }) else { return "a transaction is of another crypto suite" }
        guard block.transactions.count == Int(header.transactionCount),
              MerkleTree(leaves: block.transactions.map(\.id.bytes), hashFunction: suite.hash).root == header.transactionsRoot else {
            return "its transactions do not match the header's count and Merkle root"
        }
        guard signed.isSigned(byQuorumOf: nodes) else {
            return "it is not signed by more than two thirds of the \(nodes.count) admitted nodes"
        }
        return nil
    }
}
