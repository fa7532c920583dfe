package import Chain
package import DID
package import Foundation
package import Node
import Primitives

/// `didctl bench scale` (issue #19): builds a ledger through real transactions (the first
/// `dids` are `did.create`s, the rest anchors of a DID registration's size), one segment at a
/// time, and reports per segment the commit rate, the p99 confirmation at a steady offered load,
/// the ledger's bytes per transaction and RSS; then uncached resolutions per second each time the
/// registered DIDs reach a tenth of `dids` (so 1M and 10M of a 10M run), and the time to reopen
/// the ledger and answer a first resolution.
///
/// Nothing is held per transaction: each segment's transactions are signed in chunks just
/// before they are submitted, and the DIDs resolved are a fixed-size uniform sample.
package struct ScaleBenchmark: Sendable {
    /// DIDs registered (the first transactions).
    package var dids: Int
    /// Transactions in all (DID registrations included).
    package var transactions: Int
    /// Transactions per reported segment (1,000,000 in the figures).
    package var segment: Int
    /// Of each segment, the last ones offered at `offeredRate` for the p99 confirmation.
    package var latencyTransactions: Int
    /// The steady offered load, tx/s.
    package var offeredRate: Int
    /// DIDs resolved for each resolution figure (a uniform sample of those registered).
    package var resolutionSample: Int
    /// Anchors committed first on a separate, empty ledger (then removed): the figure the anchor
    /// segments of the full ledger are compared with, in the same run. 0 for none.
    package var baselineTransactions: Int
    /// Where the chain is created.
    package var directory: DataDirectory
    /// Called with a line of progress now and then.
    package var progress: @Sendable (String) -> Void

    /// One segment's figures.
    package struct Segment: Codable, Sendable {
        /// Transactions on the ledger at the segment's end.
        package var transactions: Int
        /// DIDs registered at the segment's end.
        package var dids: Int
        /// Committed per second while submitted as fast as the node takes them.
        package var committedPerSecond: Double
        /// p99 confirmation, ms, of the transactions offered at the steady rate.
        package var p99ConfirmationMilliseconds: Double
        /// The ledger's size on disk after a checkpoint, per transaction on it.
        package var bytesPerTransaction: Double
        /// The process's resident memory at the segment's end, MB.
        package var rssMegabytes: Double
        /// The orderer's writing thread during the fast submission.
        package var writer: WriterLoad
    }

    /// A resolution figure.
    package struct Resolution: Codable, Sendable {
        /// DIDs registered when it was measured.
        package var dids: Int
        /// Uncached resolutions per second, all cores, random registered DIDs.
        package var perSecond: Double
    }

    /// The figures of one run.
    package struct Result: Codable, Sendable {
        package var segments: [Segment]
        package var resolutions: [Resolution]
        package var offeredPerSecond: Int
        /// Anchors committed per second on an empty ledger (`baselineTransactions` of them),
        /// submitted as the segments' are; nil when none were.
        package var emptyLedgerCommittedPerSecond: Double?
        /// The orderer's writing thread while those anchors were committed.
        package var emptyLedgerWriter: WriterLoad?
        /// From opening the ledger again to the node's head.
        package var reopenMilliseconds: Double
        /// From opening the ledger again to a first resolution answered.
        package var firstResolutionMilliseconds: Double
        /// The largest resident memory of the process, MB.
        package var peakRSSMegabytes: Double
        /// The ledger writer's SQLite page cache the run had, MiB, read back from its connection
        /// (the directory's `ledgerCacheKiB`, or the store's default).
        package var ledgerCacheMiB: Int
    }

    /// Creates the benchmark over a fresh data directory.
    package init(dids: Int, transactions: Int, segment: Int = 1_000_000, latencyTransactions: Int = 20_000, offeredRate: Int = 5_000,
                 resolutionSample: Int = 50_000, baselineTransactions: Int = 0, directory: DataDirectory, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.dids = dids
        self.transactions = max(transactions, dids)
        self.segment = max(1, segment)
        self.latencyTransactions = latencyTransactions
        self.offeredRate = offeredRate
        self.resolutionSample = resolutionSample
        self.baselineTransactions = max(0, baselineTransactions)
        self.directory = directory
        self.progress = progress
    }
}
