/// A compact binary form of a proof, laid out like the fields of RFC 9162 §4.12
/// `InclusionProofDataV2` without `log_id`: tree_size (uint64), leaf_index (uint64), and the
/// inclusion path as a uint16 byte length followed by each hash with a one-byte length.
/// Base64url of these bytes fits in JSON.
extension MerkleProof {
    /// Hashes per path at most: a tree of up to 2^64 leaves is at most 64 levels tall.
    private static let maxPathLength = 64

    /// The proof as bytes.
    public var serialized: [UInt8] {
        var out = Self.bigEndian(UInt64(treeSize)) + Self.bigEndian(UInt64(leafIndex))
        let pathBytes = path.flatMap { [UInt8(truncatingIfNeeded: $0.count)] + $0 }
        out += [UInt8(truncatingIfNeeded: pathBytes.count >> 8), UInt8(truncatingIfNeeded: pathBytes.count)]
        return out + pathBytes
    }

    /// Parses the bytes made by ``serialized``.
    /// - Parameter bytes: the serialized proof.
    /// - Throws: `PrimitivesError.invalidEncoding` for truncated or trailing bytes, a hash that
    ///   is not 32 bytes, more than 64 hashes, or sizes too large for this platform.
    public init(serialized bytes: [UInt8]) throws {
        guard bytes.count >= 18 else {
            throw PrimitivesError.invalidEncoding("A serialized Merkle proof is at least 18 bytes.")
        }
        let size = Self.readBigEndian(bytes[0..<8])
        let index = Self.readBigEndian(bytes[8..<16])
        guard size <= UInt64(Int.max), index <= UInt64(Int.max) else {
            throw PrimitivesError.invalidEncoding("Merkle proof tree size or leaf index is too large.")
        }
        let pathLength = Int(bytes[16]) << 8 | Int(bytes[17])
        guard bytes.count == 18 + pathLength else {
            throw PrimitivesError.invalidEncoding("Merkle proof path length does not match the bytes that follow.")
        }
        var path: [[UInt8]] = []
        var position = 18
        while position < bytes.count {
            guard bytes[position] == 32, position + 33 <= bytes.count, path.count < Self.maxPathLength else {
                throw PrimitivesError.invalidEncoding("Merkle proof path must hold at most 64 hashes of 32 bytes.")
            }
            path.append(Array(bytes[position + 1..<position + 33]))
            position += 33
        }
        self.init(leafIndex: Int(index), treeSize: Int(size), path: path)
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
    }

    private static func readBigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
