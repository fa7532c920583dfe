public import Primitives

/// How far a consortium's log was compacted (`specs/consortium.md` §3.3): entries below
/// ``sequence`` and published signatures at or below ``height`` are deleted; the entries before
/// ``sequence`` made the blocks up to ``height``, whose header hash is ``blockHash``. A node whose
/// next entry is below ``sequence`` takes those blocks from its peers, then reads the log from
/// ``sequence`` on.
public struct LogCompaction: Sendable, Hashable {
    /// The first entry kept.
    public let sequence: UInt64
    /// The height of the last block made by an entry before ``sequence``.
    public let height: UInt64
    /// That block's header hash.
    public let blockHash: [UInt8]

    /// Creates a marker.
    public init(sequence: UInt64, height: UInt64, blockHash: [UInt8]) {
        self.sequence = sequence
        self.height = height
        self.blockHash = blockHash
    }

    /// `JCS({"blockHash": hex, "height": n, "sequence": n})`, the value of `P + "compacted"`.
    public var encoded: [UInt8] {
        JCS.canonicalize(.object(["sequence": .number(Double(sequence)), "height": .number(Double(height)),
                                  "blockHash": .string(Hex.encode(blockHash))]))
    }

    /// Parses a stored marker.
    /// - Throws: `ChainError.malformedTransaction` when the bytes are not a marker.
    public init(decoding bytes: [UInt8]) throws(ChainError) {
        guard let value = try? JSONValue(parsing: bytes), let sequence = value["sequence"]?.doubleValue,
              let height = value["height"]?.doubleValue, sequence >= 0, height >= 0, sequence < 9e15, height < 9e15,
              let text = value["blockHash"]?.stringValue, let hash = try? Hex.decode(text), hash.count == 32 else {
            throw ChainError.malformed("the log's compaction marker is not {sequence, height, blockHash}")
        }
        self.init(sequence: UInt64(sequence), height: UInt64(height), blockHash: hash)
    }
}
