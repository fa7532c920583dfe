import Primitives

/// The state commitment of `specs/chain.md` §3: a hash chain over each block's ordered writes.
enum StateCommitment {
    /// The commitment before any block.
    static let initial = [UInt8](repeating: 0, count: 32)

    /// The commitment after applying `writes` on top of `previous`.
    static func next(previous: [UInt8], writes: [StateWrite], suite: ChainCryptoSuite) -> [UInt8] {
        var writer = ByteWriter(capacity: writes.count * 64)
        for write in writes {
            writer.string(write.namespace)
            writer.bytes(write.key)
            writer.u8(write.value == nil ? 0 : 1)
            writer.bytes(write.value ?? [])
        }
        return suite.taggedHash("chancery/state/v1", previous + suite.hash.digest(writer.bytes))
    }
}
