public import Foundation

/// How a consortium node orders (`specs/consortium.md`): from a shared ``OrderedLog`` instead
/// of its own batches. Passed in ``ChainNode/Configuration/logOrdering``; `nil` there is solo.
public struct LogOrdering: Sendable {
    /// The shared log.
    public var log: any OrderedLog
    /// Where the node keeps the next log sequence number it will read, so that a restart does
    /// not read the log from 0; `nil` reads from 0 (entries already applied make no block).
    public var cursorFile: URL?
    /// Called once when the node finds a divergence (it logs and counts it).
    public var onDivergence: @Sendable (DivergenceAlert) -> Void
    /// Other nodes to take final blocks from when the log was compacted past this node's next
    /// entry (`specs/consortium.md` §3.3), tried in order.
    public var peers: [any BlockSource] = []
    /// How many final blocks' entries the log keeps (§3.3): this node compacts the log to `R`
    /// blocks below its final height, at most every `R / 2` blocks; `nil` never compacts.
    public var retention: UInt64?
    /// This node's entries in the log whose blocks are not final here yet, at most: while there
    /// are as many, the next batch keeps filling (`specs/consortium.md` §3.1), so that under
    /// load entries and blocks grow instead of multiplying.
    public var maximumEntriesInFlight = 2
    /// How long a batch waits for an entry in flight to become final, at most (when blocks are
    /// not becoming final at all, appending is no worse than waiting).
    public var inFlightWait: Duration = .seconds(1)
    /// One line for the operator: catch-up from peers, a peer's block refused, compaction.
    public var onNotice: @Sendable (String) -> Void = { _ in }

    /// Creates the setting.
    public init(log: any OrderedLog, cursorFile: URL? = nil, onDivergence: @escaping @Sendable (DivergenceAlert) -> Void = { _ in }) {
        self.log = log
        self.cursorFile = cursorFile
        self.onDivergence = onDivergence
    }
}
