/// What a ``ChainNode`` needs of its orderer: the solo orderer (`specs/chain.md` §7) and the
/// log orderer of a consortium (`specs/consortium.md`) both provide it.
protocol BlockOrdering: AnyObject, Sendable {
    /// Orders a checked transaction; returns its receipt once its block is committed (solo) or
    /// final (consortium).
    func submit(_ transaction: CheckedTransaction) async throws -> TransactionReceipt
    /// The latest applied header.
    var latestHeader: BlockHeader { get }
    /// The latest applied height.
    var latestHeight: UInt64 { get }
    /// The highest height under which every block is final; the applied height in solo mode.
    var finalHeight: UInt64 { get }
    /// The divergence this node found, if any (`specs/consortium.md` §6).
    var divergence: DivergenceAlert? { get }
    /// Work done so far.
    var currentStatistics: OrdererStatistics { get }
    /// Stops ordering; safe to call more than once.
    func stop()
}

extension SoloOrderer: BlockOrdering {
    // A block of one node is final once committed.
    var finalHeight: UInt64 { latestHeight }
    var divergence: DivergenceAlert? { nil }
}

extension LogOrderer: BlockOrdering {}
