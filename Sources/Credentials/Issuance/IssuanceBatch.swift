public import Primitives

/// A batch of drafts and the Merkle tree over their leaves: the issuer anchors ``root`` in
/// one transaction, then adds each credential's ``evidence(at:)`` and signs.
public struct IssuanceBatch: Sendable {
    /// The drafts, in leaf order.
    public let drafts: [CredentialDraft]
    private let tree: MerkleTree

    /// Builds the tree over the drafts' anchored leaves.
    public init(drafts: [CredentialDraft]) {
        self.drafts = drafts
        tree = MerkleTree(leaves: drafts.map { AnchorEvidence.leaf(of: $0.json) })
    }

    /// The root to anchor.
    public var root: [UInt8] { tree.root }

    /// The evidence entry of draft `index`.
    public func evidence(at index: Int) throws -> AnchorEvidence {
        AnchorEvidence(root: tree.root, proof: try tree.proof(forLeafAt: index))
    }

    /// Draft `index` with its evidence entry added, ready to sign.
    public func anchoredCredential(at index: Int) throws -> JSONObject {
        try evidence(at: index).added(to: drafts[index].json)
    }
}
