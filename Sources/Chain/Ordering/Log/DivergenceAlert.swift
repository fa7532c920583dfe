/// A node found that other admitted nodes signed another header than the one it computed at a
/// height (`specs/consortium.md` §6). When no more nodes signed its hash than some other hash,
/// it is the odd one out: it stops signing and keeps serving reads.
public struct DivergenceAlert: Sendable, Hashable, Codable {
    /// The node that raised the alert (this node's key, hex).
    public let node: String
    /// The height at which the headers differ.
    public let height: UInt64
    /// The header hash this node computed (hex).
    public let blockHash: String
    /// Each node whose published signature is over another hash: key and that hash (hex).
    public let disagreeing: [Disagreement]
    /// Whether this node stopped signing (as many nodes or more signed another hash).
    public let stoppedSigning: Bool

    /// One node's differing header hash.
    public struct Disagreement: Sendable, Hashable, Codable {
        /// The node's key (hex).
        public let node: String
        /// The hash it signed (hex).
        public let blockHash: String
    }

    /// One line for the operator's log.
    public var message: String {
        "Divergence: node \(node) computed block \(height) as \(blockHash), but "
            + disagreeing.map { "\($0.node) signed \($0.blockHash)" }.joined(separator: ", ")
            + (stoppedSigning ? "; this node stops signing." : "; more nodes signed its hash, so it keeps signing.")
            + " Compare ledgers with 'didctl chain verify' on each node."
    }
}
