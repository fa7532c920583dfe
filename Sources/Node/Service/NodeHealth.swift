public import Primitives

/// A node's liveness figures, for `GET /healthz` and the chain gauges of `GET /metrics`.
public struct NodeHealth: Sendable, Hashable {
    /// The chain's id.
    public var chainId: String
    /// The height of the last committed block.
    public var height: UInt64
    /// The hash of the last committed block, in hex.
    public var headHash: String
    /// Blocks committed since the node started.
    public var blocksCommitted: Int
    /// How long the most recent block commit took (build and store), in seconds, if known.
    public var lastCommitSeconds: Double?
    /// The membership epoch by the node's clock: what a client's one-time key request names.
    public var epoch: UInt64?
    /// The chain's crypto suite name (`standard` or `sm`, `specs/chain.md` §9): which one-time
    /// keys a client must generate.
    public var crypto: String?
    /// The height under which every block is final (`specs/consortium.md` §5): the committed
    /// height on a solo node, lower on a consortium node while signatures are awaited.
    public var finalHeight: UInt64?
    /// The divergence alert the node raised (`specs/consortium.md` §6), as JSON.
    public var divergence: JSONValue?

    /// Creates the figures.
    /// - Parameters:
    ///   - chainId: the chain's id.
    ///   - height: the head's height.
    ///   - headHash: the head's hash in hex.
    ///   - blocksCommitted: blocks committed since start.
    ///   - lastCommitSeconds: the latest commit's duration, if known.
    ///   - epoch: the membership epoch by the node's clock.
    ///   - crypto: the chain's crypto suite name.
    public init(chainId: String, height: UInt64, headHash: String, blocksCommitted: Int = 0, lastCommitSeconds: Double? = nil,
                epoch: UInt64? = nil, crypto: String? = nil) {
        self.chainId = chainId
        self.height = height
        self.headHash = headHash
        self.blocksCommitted = blocksCommitted
        self.lastCommitSeconds = lastCommitSeconds
        self.epoch = epoch
        self.crypto = crypto
    }

    /// The `GET /healthz` body.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["status": "ok", "chainId": .string(chainId), "height": .number(Double(height)),
                                  "headHash": .string(headHash), "blocksCommitted": .number(Double(blocksCommitted))]
        if let lastCommitSeconds { object["lastCommitSeconds"] = .number(lastCommitSeconds) }
        if let epoch { object["epoch"] = .number(Double(epoch)) }
        if let crypto { object["crypto"] = .string(crypto) }
        if let finalHeight { object["finalHeight"] = .number(Double(finalHeight)) }
        if let divergence { object["divergence"] = divergence }
        return .object(object)
    }
}
