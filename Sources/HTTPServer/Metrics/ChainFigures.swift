import Primitives

/// The blocks-committed count last exported: the orderer keeps a running total, and a
/// swift-metrics counter is only ever incremented, so each exposition adds what is new.
final class ChainFigures: @unchecked Sendable {
    private let lock = AdaptiveLock()
    // Guarded by `lock`.
    private var exported = 0

    /// The blocks committed since the last call, given the running total `blocks`.
    func blocksAdded(_ blocks: Int) -> Int64 {
        lock.withLock {
            defer { exported = max(exported, blocks) }
            return Int64(max(0, blocks - exported))
        }
    }
}
