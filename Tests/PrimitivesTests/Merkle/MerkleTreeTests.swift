import Testing
import TestVectors
@testable import Primitives

/// Checks against the RFC 6962 reference tree in `specs/vectors/merkle-rfc6962/`.
struct MerkleTreeTests {
    struct Reference: Decodable {
        struct Inclusion: Decodable { let leafIndex: Int; let treeSize: Int; let path: [String] }
        let leaves: [String]
        let roots: [String]
        let nodeHashes: [[String]]
        let inclusionProofs: [Inclusion]
    }

    static func reference() throws -> (Reference, [[UInt8]]) {
        let file: Reference = try Vectors.json("merkle-rfc6962/reference-tree.json")
        return (file, try file.leaves.map(Hex.decode))
    }

    @Test("roots of the first n reference leaves match the published roots for n = 0...8")
    func publishedRoots() throws {
        let (file, leaves) = try Self.reference()
        #expect(file.roots.count == 9)
        for size in 0...8 {
            #expect(Hex.encode(MerkleTree(leaves: Array(leaves.prefix(size))).root) == file.roots[size], "size \(size)")
        }
    }

    @Test("leaf hashes use the 0x00 prefix and match the published level-0 node hashes")
    func publishedLeafHashes() throws {
        let (file, leaves) = try Self.reference()
        #expect(leaves.map { Hex.encode(MerkleTree.leafHash($0)) } == file.nodeHashes[0])
        let tree = try MerkleTree(leafHashes: leaves.map { MerkleTree.leafHash($0) })
        #expect(Hex.encode(tree.root) == file.roots[8])
    }

    @Test("generated proofs equal the published inclusion proofs")
    func publishedProofs() throws {
        let (file, leaves) = try Self.reference()
        #expect(file.inclusionProofs.count == 5)
        for vector in file.inclusionProofs {
            let tree = MerkleTree(leaves: Array(leaves.prefix(vector.treeSize)))
            let proof = try tree.proof(forLeafAt: vector.leafIndex)
            #expect(proof.path.map { Hex.encode($0) } == vector.path, "leaf \(vector.leafIndex) of \(vector.treeSize)")
            #expect(proof.treeSize == vector.treeSize)
        }
    }

    @Test("the empty tree's root is SHA-256 of no bytes and it has no proofs")
    func emptyTree() throws {
        let tree = MerkleTree(leaves: [])
        #expect(Hex.encode(tree.root) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(throws: PrimitivesError.invalidInput("")) { try tree.proof(forLeafAt: 0) }
    }

    @Test("rejects out-of-range leaf indices and leaf hashes that are not 32 bytes")
    func rejectsBadInput() {
        let tree = MerkleTree(leaves: [[1], [2], [3]])
        #expect(throws: PrimitivesError.invalidInput("")) { try tree.proof(forLeafAt: 3) }
        #expect(throws: PrimitivesError.invalidInput("")) { try tree.proof(forLeafAt: -1) }
        #expect(throws: PrimitivesError.invalidInput("")) { try MerkleTree(leafHashes: [[0x00]]) }
    }
}
