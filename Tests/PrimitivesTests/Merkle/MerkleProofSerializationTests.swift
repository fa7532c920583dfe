import Testing
@testable import Primitives

struct MerkleProofSerializationTests {
    @Test("a published proof serializes to the RFC 9162-style layout and parses back")
    func roundTripsPublishedProof() throws {
        let (file, _) = try MerkleTreeTests.reference()
        let vector = try #require(file.inclusionProofs.first { $0.treeSize == 8 && $0.leafIndex == 5 })
        let path = try vector.path.map(Hex.decode)
        let proof = MerkleProof(leafIndex: 5, treeSize: 8, path: path)
        let bytes = proof.serialized
        #expect(Array(bytes[0..<18]) == [0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 5, 0, 99])
        #expect(Array(bytes[18..<51]) == [32] + path[0])
        #expect(bytes.count == 18 + 3 * 33)
        #expect(try MerkleProof(serialized: bytes) == proof)
    }

    @Test("a proof with an empty path (one-leaf tree) round-trips")
    func emptyPath() throws {
        let proof = try MerkleTree(leaves: [[7]]).proof(forLeafAt: 0)
        #expect(proof.serialized.count == 18)
        #expect(try MerkleProof(serialized: proof.serialized) == proof)
    }

    @Test("rejects truncated, trailing, mislabelled and oversized encodings")
    func rejectsMalformedBytes() throws {
        let tree = MerkleTree(leaves: (0..<5).map { [UInt8($0)] })
        let good = try tree.proof(forLeafAt: 4).serialized
        var wrongHashLength = good
        wrongHashLength[18] = 31
        var hugeSize = good
        hugeSize[0] = 0x80
        let tooMany = [UInt8](repeating: 0, count: 8) + [0, 0, 0, 0, 0, 0, 0, 1] + [0x08, 0x61]
            + Array(repeating: [32] + [UInt8](repeating: 1, count: 32), count: 65).joined()
        for bad in [Array(good.dropLast()), good + [0], Array(good.prefix(17)), wrongHashLength, hugeSize, tooMany] {
            #expect(throws: PrimitivesError.invalidEncoding(""), "\(bad.count) bytes") { try MerkleProof(serialized: bad) }
        }
    }
}
