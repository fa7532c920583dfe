/// A node's signature over a block hash: BIP-340, or SM2 in the sm suite.
public struct NodeSignature: Sendable, Hashable {
    /// The signing node's key (its node id): 32 bytes, or 33 in the sm suite.
    public let nodeKey: [UInt8]
    /// The 64-byte signature.
    public let signature: [UInt8]

    /// Creates a signature record.
    public init(nodeKey: [UInt8], signature: [UInt8]) {
        self.nodeKey = nodeKey
        self.signature = signature
    }
}
