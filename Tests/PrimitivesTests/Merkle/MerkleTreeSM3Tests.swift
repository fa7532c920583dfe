import Primitives
import Testing

/// The RFC 9162 tree over SM3, as a chain of the sm suite builds its transactions root: the
/// same shape as over SHA-256, every leaf and node hashed with SM3.
struct MerkleTreeSM3Tests {
    private func sm3Leaf(_ leaf: [UInt8]) -> [UInt8] { Hash.sm3([0x00] + leaf) }
    private func sm3Node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] { Hash.sm3([0x01] + left + right) }

    @Test("an SM3 tree of five leaves has the root computed by hand with SM3, and the empty tree's root is SM3 of nothing")
    func rootByHand() throws {
        let leaves = (0..<5).map { [UInt8]("leaf \($0)".utf8) }
        let l = leaves.map(sm3Leaf)
        // Five leaves split 4 | 1 (RFC 9162 §2.1.1).
        let expected = sm3Node(sm3Node(sm3Node(l[0], l[1]), sm3Node(l[2], l[3])), l[4])
        #expect(MerkleTree(leaves: leaves, hashFunction: .sm3).root == expected)
        #expect(MerkleTree(leaves: leaves, hashFunction: .sm3).root != MerkleTree(leaves: leaves).root)
        #expect(MerkleTree(leaves: [], hashFunction: .sm3).root == Hash.sm3([UInt8]()))
        #expect(MerkleTree.leafHash(leaves[0], hashFunction: .sm3) == l[0])
        #expect(try MerkleTree(leafHashes: l, hashFunction: .sm3).root == expected)
    }

    @Test("every leaf's SM3 proof verifies under SM3 and fails under SHA-256, for trees of 1 to 9 leaves")
    func proofs() throws {
        for size in 1...9 {
            let leaves = (0..<size).map { [UInt8]("tx \($0)".utf8) }
            let tree = MerkleTree(leaves: leaves, hashFunction: .sm3)
            for index in 0..<size {
                let proof = try tree.proof(forLeafAt: index)
                #expect(proof.verify(leaf: leaves[index], root: tree.root, hashFunction: .sm3), "size \(size) leaf \(index)")
                #expect(!proof.verify(leaf: leaves[index], root: tree.root), "size \(size) leaf \(index)")
                #expect(!proof.verify(leaf: [UInt8]("forged".utf8), root: tree.root, hashFunction: .sm3))
            }
        }
    }

    @Test("the tagged hash over SM3 is SM3(SM3(tag) ‖ SM3(tag) ‖ m); over SHA-256 it is BIP-340's")
    func taggedHashes() {
        let tag = "chancery/block-header/v1", message: [UInt8] = Array("abc".utf8)
        let tagHash = Hash.sm3(Array(tag.utf8))
        #expect(HashFunction.sm3.taggedHash(tag: tag, message) == Hash.sm3(tagHash + tagHash + message))
        #expect(HashFunction.sha256.taggedHash(tag: tag, message) == BIP340TaggedHash.hash(tag: tag, message))
        // GM/T 0004-2012 Appendix A.1.
        #expect(Hex.encode(HashFunction.sm3.digest(message)) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test("each signature scheme verifies its own keys' signatures and refuses the other's, tampered ones and wrong lengths")
    func signatureSchemes() throws {
        let message = HashFunction.sm3.digest(Array("block".utf8))
        for scheme in [SignatureScheme.bip340, .sm2] {
            let key = scheme.generateKey()
            let signature = try key.signature(for: message)
            #expect(key.scheme == scheme)
            #expect(key.publicKey.count == scheme.publicKeyLength && signature.count == 64)
            #expect(scheme.isValidPublicKey(key.publicKey))
            #expect(scheme.isValidSignature(signature, publicKey: key.publicKey, message: message))
            var tampered = signature
            tampered[10] ^= 1
            #expect(!scheme.isValidSignature(tampered, publicKey: key.publicKey, message: message))
            #expect(!scheme.isValidSignature(signature, publicKey: key.publicKey, message: Hash.sha256(message)))
            let other: SignatureScheme = scheme == .sm2 ? .bip340 : .sm2
            #expect(!other.isValidSignature(signature, publicKey: key.publicKey, message: message))
            // The same scalar is a key of either scheme; the reload signs as the original.
            let reloaded = try scheme.privateKey(secret: key.rawRepresentation)
            #expect(reloaded.publicKey == key.publicKey)
        }
    }
}
