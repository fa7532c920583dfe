/// Where a consortium node takes final blocks from when the log no longer holds the entries it
/// needs (`specs/consortium.md` §3.3): another node, over HTTP (`Consortium.PeerBlockSource`) or
/// in this process (``ChainNode``). Nothing a source serves is trusted: ``PeerBlockCheck`` and a
/// replay check every block before it is stored.
public protocol BlockSource: Sendable {
    /// A name for the operator's messages, such as the peer's URL.
    var sourceName: String { get }

    /// Final blocks from `height` up, in order, with their stored (quorum) signatures.
    /// - Parameters:
    ///   - height: the first height wanted.
    ///   - count: at most this many.
    /// - Returns: the blocks; fewer, or none, past the source's final height.
    /// - Throws: when the source cannot be reached or answers something that is not blocks.
    func blocks(from height: UInt64, count: Int) async throws -> [Block]
}
