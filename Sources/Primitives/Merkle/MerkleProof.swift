/// An inclusion proof for one leaf of a ``MerkleTree``: its index, the tree size, and the
/// sibling hashes from the leaf up (RFC 9162 §2.1.3).
///
/// A proof is plain data; ``verify(leafHash:root:)`` decides whether it holds, returning
/// `false` rather than throwing for any malformed or wrong proof.
public struct MerkleProof: Hashable, Sendable {
    /// The zero-based position of the leaf.
    public let leafIndex: Int
    /// The number of leaves in the tree the proof is for.
    public let treeSize: Int
    /// The sibling hashes, from the leaf level up to just below the root.
    public let path: [[UInt8]]

    /// A proof from its parts, as received from elsewhere; nothing is checked until
    /// verification.
    /// - Parameters:
    ///   - leafIndex: the zero-based leaf position.
    ///   - treeSize: the number of leaves.
    ///   - path: the sibling hashes, leaf level first.
    public init(leafIndex: Int, treeSize: Int, path: [[UInt8]]) {
        self.leafIndex = leafIndex
        self.treeSize = treeSize
        self.path = path
    }

    /// Checks that `leaf` is in the tree with head `root`.
    /// - Parameters:
    ///   - leaf: the leaf data (hashed here with the leaf prefix).
    ///   - root: the expected 32-byte tree head.
    ///   - hashFunction: the tree's hash function, SHA-256 unless given.
    /// - Returns: `true` only when the proof recomputes exactly `root`.
    public func verify(leaf: [UInt8], root: [UInt8], hashFunction: HashFunction = .sha256) -> Bool {
        verify(leafHash: MerkleTree.leafHash(leaf, hashFunction: hashFunction), root: root, hashFunction: hashFunction)
    }

    /// Checks that the leaf with hash `leafHash` is in the tree with head `root`, by the
    /// algorithm of RFC 9162 §2.1.3.2.
    /// - Parameters:
    ///   - leafHash: the leaf's 32-byte hash from ``MerkleTree/leafHash(_:hashFunction:)``.
    ///   - root: the expected 32-byte tree head.
    ///   - hashFunction: the tree's hash function, SHA-256 unless given.
    /// - Returns: `true` only when the proof recomputes exactly `root`.
    public func verify(leafHash: [UInt8], root: [UInt8], hashFunction: HashFunction = .sha256) -> Bool {
        guard leafIndex >= 0, leafIndex < treeSize, leafHash.count == 32, root.count == 32,
              path.allSatisfy({ $0.count == 32 }) else { return false }
        var fn = leafIndex
        var sn = treeSize - 1
        var hash = leafHash
        for sibling in path {
            // A path longer than the tree is tall can only be forged.
            guard sn != 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = MerkleTree.nodeHash(sibling, hash, hashFunction: hashFunction)
                // Skip the levels where this node had no right sibling and moved up as is.
                while fn & 1 == 0, fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = MerkleTree.nodeHash(hash, sibling, hashFunction: hashFunction)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }
}
