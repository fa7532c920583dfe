/// A node's BIP-340 signature over a block hash.
public struct NodeSignature: Sendable, Hashable {
    /// The signing node's 32-byte key (its node id).
    public let nodeKey: [UInt8]
    /// The 64-byte signature.
    public let signature: [UInt8]

    /// Creates a signature record.
    public init(nodeKey: [UInt8], signature: [UInt8]) {
        self.nodeKey = nodeKey
        self.signature = signature
    }
}
