/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (`0x01 … 0x80`),
/// not FIPS 202 SHA3-256 (`0x06 … 0x80`), so the two give different digests.
///
/// ```swift
/// var hasher = Keccak256()
/// hasher.update(part1)
/// hasher.update(part2)
/// let digest = hasher.finalize()            // 32 bytes
/// let same = Keccak256.hash(part1 + part2)
/// ```
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation: 1600 − 2 × 256 bits.
    static let rate = 136

    private var lanes = KeccakF1600.zero
    /// Bytes absorbed into the current block so far (0..<rate).
    private var offset = 0

    /// A hasher that has absorbed nothing.
    public init() {}

    /// Hashes `bytes` in one call.
    /// - Parameter bytes: the message.
    /// - Returns: the 32-byte digest.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Absorbs more of the message; any split of a message gives the same digest.
    /// - Parameter bytes: the next bytes of the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { absorb(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { absorb($0) } }
    }

    /// The digest of everything absorbed so far; the hasher itself is left unchanged.
    /// - Returns: the 32-byte digest.
    public func finalize() -> [UInt8] {
        var lanes = self.lanes
        let offset = self.offset
        return withUnsafeMutablePointer(to: &lanes) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 25) { lane in
                lane[offset >> 3] ^= 0x01 &<< UInt64((offset & 7) * 8)
                lane[(Self.rate - 1) >> 3] ^= 0x80 << 56
                KeccakF1600.permute(lane)
                return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
                    for i in 0..<32 { out[i] = UInt8(truncatingIfNeeded: lane[i >> 3] >> UInt64((i & 7) * 8)) }
                    count = 32
                }
            }
        }
    }

    private mutating func absorb(_ input: UnsafeRawBufferPointer) {
        var offset = self.offset
        withUnsafeMutablePointer(to: &lanes) { tuple in
            tuple.withMemoryRebound(to: UInt64.self, capacity: 25) { lane in
                var position = 0
                while position < input.count {
                    if offset & 7 == 0, input.count - position >= 8 {
                        let word = input.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                        lane[offset >> 3] ^= UInt64(littleEndian: word)
                        offset += 8
                        position += 8
                    } else {
                        lane[offset >> 3] ^= UInt64(input[position]) &<< UInt64((offset & 7) * 8)
                        offset += 1
                        position += 1
                    }
                    if offset == Self.rate {
                        KeccakF1600.permute(lane)
                        offset = 0
                    }
                }
            }
        }
        self.offset = offset
    }
}
