package import Chain
import Foundation

/// The audit benchmark behind `didctl bench audit`: how many envelopes per second the audit
/// index opens, checks and records while following a ledger. Returns figures; prints nothing.
package enum AuditBenchmark {
    /// The figures of one run.
    package struct Result: Sendable, Hashable {
        /// Transactions in the ledger (one envelope each).
        package let transactions: Int
        /// Blocks they were committed in.
        package let blocks: Int
        /// Rounds measured.
        package let rounds: Int
        /// Envelopes followed per second, median over the rounds.
        package let envelopesPerSecond: Double
        /// Seconds to follow the whole ledger, median over the rounds.
        package let medianSeconds: Double
        /// Entries the last round recorded (equal to `transactions` when all is well).
        package let entries: Int
    }

    /// Builds a ledger of `transactions` anchor transactions from a few members and follows it
    /// with a fresh index each round.
    /// - Parameters:
    ///   - transactions: the number of transactions, at least 1.
    ///   - rounds: rounds to measure, at least 1.
    ///   - transactionsPerBlock: block size, as the solo orderer's batch limit.
    ///   - makeIndexStore: a fresh, empty index store per round (in memory by default).
    /// - Returns: the figures.
    /// - Throws: a `ChainError` if the ledger cannot be built or followed.
    package static func run(transactions: Int, rounds: Int = 5, transactionsPerBlock: Int = 2_000,
                            makeIndexStore: () throws -> any AuditIndexStore = { InMemoryAuditIndexStore() }) async throws -> Result {
        let ledger = try await Ledger(transactions: max(1, transactions), perBlock: max(1, transactionsPerBlock))
        var seconds: [Double] = []
        var entries = 0
        for _ in 0..<max(1, rounds) {
            let index = AuditIndex(store: try makeIndexStore(), keys: ledger.auditorKey)
            let started = ContinuousClock.now
            _ = try index.follow(store: ledger.store)
            seconds.append((ContinuousClock.now - started).seconds)
            entries = try index.store.entryCount()
        }
        let median = BenchmarkStatistics.median(seconds)
        return Result(transactions: ledger.transactionCount, blocks: ledger.blocks, rounds: seconds.count,
                      envelopesPerSecond: Double(ledger.transactionCount) / max(median, 1e-9), medianSeconds: median, entries: entries)
    }
}
