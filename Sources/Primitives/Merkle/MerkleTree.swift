/// A Merkle tree over SHA-256 (or SM3, for a chain of the sm suite) with the domain separation
/// of RFC 9162 §2.1.1 (Certificate Transparency): leaf hash = H(0x00 ‖ leaf), node hash =
/// H(0x01 ‖ left ‖ right), n leaves split at the largest power of two smaller than n, and the
/// empty tree's root is H of no bytes.
///
/// ```swift
/// let tree = MerkleTree(leaves: credentialHashes)
/// let proof = try tree.proof(forLeafAt: 7)
/// proof.verify(leaf: credentialHashes[7], root: tree.root)   // true
/// ```
public struct MerkleTree: Sendable {
    /// `levels[0]` are the leaf hashes, each next level the hashes of pairs of the one below;
    /// an unpaired last node moves up unchanged, which yields exactly the RFC 9162 shape.
    private let levels: [[[UInt8]]]
    /// The hash function of every leaf and node.
    public let hashFunction: HashFunction

    /// Builds the tree of `leaves`, hashing each with the leaf prefix.
    /// - Parameters:
    ///   - leaves: the leaf data, in order.
    ///   - hashFunction: SHA-256 unless a chain of the sm suite asks for SM3.
    public init(leaves: [[UInt8]], hashFunction: HashFunction = .sha256) {
        self.init(hashes: leaves.map { Self.leafHash($0, hashFunction: hashFunction) }, hashFunction: hashFunction)
    }

    /// Builds the tree from leaf hashes computed earlier with ``leafHash(_:hashFunction:)``.
    /// - Parameters:
    ///   - leafHashes: 32-byte leaf hashes, in order.
    ///   - hashFunction: the function the leaf hashes were made with.
    /// - Throws: `PrimitivesError.invalidInput` when a hash is not 32 bytes.
    public init(leafHashes: [[UInt8]], hashFunction: HashFunction = .sha256) throws {
        guard leafHashes.allSatisfy({ $0.count == 32 }) else {
            throw PrimitivesError.invalidInput("Every Merkle leaf hash must be 32 bytes.")
        }
        self.init(hashes: leafHashes, hashFunction: hashFunction)
    }

    private init(hashes: [[UInt8]], hashFunction: HashFunction) {
        var levels = [hashes]
        while let below = levels.last, below.count > 1 {
            levels.append(stride(from: 0, to: below.count, by: 2).map { i in
                i + 1 < below.count ? Self.nodeHash(below[i], below[i + 1], hashFunction: hashFunction) : below[i]
            })
        }
        self.levels = levels
        self.hashFunction = hashFunction
    }

    /// The number of leaves.
    public var count: Int { levels[0].count }

    /// The tree head: 32 bytes, H of no bytes for an empty tree.
    public var root: [UInt8] { levels.last?.first ?? hashFunction.digest([UInt8]()) }

    /// The inclusion proof (audit path, RFC 9162 §2.1.3.1) of one leaf.
    /// - Parameter index: the zero-based leaf position.
    /// - Returns: the proof, siblings ordered from the leaf up.
    /// - Throws: `PrimitivesError.invalidInput` when `index` is not a leaf position.
    public func proof(forLeafAt index: Int) throws -> MerkleProof {
        guard levels[0].indices.contains(index) else {
            throw PrimitivesError.invalidInput("Leaf index \(index) is outside a Merkle tree of \(count) leaves.")
        }
        var path: [[UInt8]] = []
        var position = index
        for level in levels.dropLast() {
            // No sibling means this node was promoted unchanged; nothing to record.
            if position ^ 1 < level.count { path.append(level[position ^ 1]) }
            position >>= 1
        }
        return MerkleProof(leafIndex: index, treeSize: count, path: path)
    }

    /// The RFC 9162 hash of one leaf: H(0x00 ‖ leaf).
    /// - Parameters:
    ///   - leaf: the leaf data.
    ///   - hashFunction: H, SHA-256 unless given.
    /// - Returns: 32 bytes.
    public static func leafHash(_ leaf: [UInt8], hashFunction: HashFunction = .sha256) -> [UInt8] {
        guard hashFunction == .sha256 else { return hashFunction.digest([0x00] + leaf) }
        return withUnsafeBytes(of: UInt8(0x00)) { prefix in
            leaf.withUnsafeBytes { Hash.sha256(concatenating: prefix, $0) }
        }
    }

    /// The RFC 9162 hash of an interior node: H(0x01 ‖ left ‖ right).
    static func nodeHash(_ left: [UInt8], _ right: [UInt8], hashFunction: HashFunction = .sha256) -> [UInt8] {
        guard hashFunction == .sha256 else { return hashFunction.digest([0x01] + left + right) }
        // One 65-byte run on the stack: proofs hash a node per level for every credential checked.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 + left.count + right.count) { buffer in
            buffer[0] = 0x01
            _ = UnsafeMutableBufferPointer(rebasing: buffer[1...]).initialize(from: left)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[(1 + left.count)...]).initialize(from: right)
            return Hash.sha256(UnsafeBufferPointer(buffer))
        }
    }
}
