import Primitives

extension ChainNode: BlockSource {
    /// The most blocks one ``finalBlocks(from:count:)`` returns.
    public static let maximumServedBlocks = 64

    /// `node <chain id>`, for the operator's messages.
    public var sourceName: String { "node \(chainId)" }

    /// The blocks final on this node from `height` up (`GET /blocks/{height}`), with their stored
    /// signatures: a peer catching up after compaction checks and replays them
    /// (`specs/consortium.md` §3.3). Blocks above the final height are not served: they carry
    /// this node's signature only.
    /// - Parameters:
    ///   - height: the first height wanted.
    ///   - count: at most this many (and at most ``maximumServedBlocks``, and about 8 MiB).
    /// - Returns: the blocks, in order; none when `height` is above the final height.
    /// - Throws: `ChainError` when the ledger cannot be read.
    public func finalBlocks(from height: UInt64, count: Int) throws -> [Block] {
        let final = finalHeight
        guard height <= final, count > 0 else { return [] }
        var blocks: [Block] = []
        var bytes = 0
        var next = height
        while next <= final, blocks.count < min(count, Self.maximumServedBlocks), bytes < 8 << 20 {
            guard let signed = try store.signedHeader(at: next) else { break }
            let transactions = try store.transactions(at: next)
            bytes += transactions.reduce(0) { $0 + $1.encoded.count }
            blocks.append(Block(signedHeader: signed, transactions: transactions))
            next += 1
        }
        return blocks
    }

    public func blocks(from height: UInt64, count: Int) async throws -> [Block] {
        try finalBlocks(from: height, count: count)
    }
}
