import Testing
@testable import Primitives

struct MerkleProofTests {
    /// Leaves 0..<n as distinct byte strings.
    static func leaves(_ count: Int) -> [[UInt8]] { (0..<count).map { [UInt8($0), 0xa5] } }

    /// The published root for `size` reference leaves, so verification is pinned to RFC 6962.
    static func referenceRoot(_ size: Int) throws -> (leaves: [[UInt8]], root: [UInt8]) {
        let (file, leaves) = try MerkleTreeTests.reference()
        return (Array(leaves.prefix(size)), try Hex.decode(file.roots[size]))
    }

    @Test("published inclusion proofs verify against the published roots")
    func publishedProofsVerify() throws {
        let (file, leaves) = try MerkleTreeTests.reference()
        for vector in file.inclusionProofs {
            let proof = MerkleProof(leafIndex: vector.leafIndex, treeSize: vector.treeSize, path: try vector.path.map(Hex.decode))
            #expect(proof.verify(leaf: leaves[vector.leafIndex], root: try Hex.decode(file.roots[vector.treeSize])))
        }
    }

    @Test("every proof of every leaf verifies for tree sizes 1 through 20")
    func allProofsVerify() throws {
        for size in 1...20 {
            let leaves = Self.leaves(size)
            let tree = MerkleTree(leaves: leaves)
            for index in 0..<size {
                let proof = try tree.proof(forLeafAt: index)
                #expect(proof.verify(leaf: leaves[index], root: tree.root), "leaf \(index) of \(size)")
                #expect(!proof.verify(leaf: leaves[(index + 1) % size] + [0], root: tree.root))
            }
        }
    }

    @Test("tampered proofs are rejected: flipped byte, wrong index or size, truncated or extended path")
    func tamperedProofsFail() throws {
        for size in 1...20 {
            let leaves = Self.leaves(size)
            let tree = MerkleTree(leaves: leaves)
            for index in 0..<size {
                let proof = try tree.proof(forLeafAt: index)
                for tampered in Self.tamperings(of: proof) {
                    #expect(!tampered.verify(leaf: leaves[index], root: tree.root), "leaf \(index) of \(size): \(tampered)")
                }
            }
        }
    }

    static func tamperings(of proof: MerkleProof) -> [MerkleProof] {
        let (i, n, path) = (proof.leafIndex, proof.treeSize, proof.path)
        var out = [
            MerkleProof(leafIndex: i, treeSize: n, path: path + [[UInt8](repeating: 0, count: 32)]),
            MerkleProof(leafIndex: i, treeSize: n, path: [[UInt8](repeating: 0, count: 32)] + path),
            MerkleProof(leafIndex: n, treeSize: n, path: path),
            MerkleProof(leafIndex: -1, treeSize: n, path: path),
            MerkleProof(leafIndex: i, treeSize: n * 2 + 1, path: path),
        ]
        // Index and size changes that keep the same path shape are still wrong leaves.
        if i + 1 < n { out.append(MerkleProof(leafIndex: i + 1, treeSize: n, path: path)) }
        if i > 0 { out.append(MerkleProof(leafIndex: i - 1, treeSize: n, path: path)) }
        if !path.isEmpty {
            out.append(MerkleProof(leafIndex: i, treeSize: n, path: Array(path.dropLast())))
            out.append(MerkleProof(leafIndex: i, treeSize: n, path: Array(path.dropFirst())))
            for level in path.indices {
                var flipped = path
                flipped[level][level % 32] ^= 0x08
                out.append(MerkleProof(leafIndex: i, treeSize: n, path: flipped))
            }
            out.append(MerkleProof(leafIndex: i, treeSize: n, path: [Array(path[0].dropLast())] + path.dropFirst()))
        }
        return out
    }

    @Test("the wrong root and malformed hashes give false, not a crash")
    func wrongRootAndSizes() throws {
        let (leaves, root) = try Self.referenceRoot(8)
        let proof = try MerkleTree(leaves: leaves).proof(forLeafAt: 5)
        #expect(proof.verify(leaf: leaves[5], root: root))
        #expect(!proof.verify(leaf: leaves[5], root: Hash.sha256([UInt8]())))
        #expect(!proof.verify(leaf: leaves[5], root: Array(root.dropLast())))
        #expect(!proof.verify(leafHash: [1, 2, 3], root: root))
        #expect(!MerkleProof(leafIndex: 0, treeSize: 0, path: []).verify(leaf: [], root: Hash.sha256([UInt8]())))
    }
}
