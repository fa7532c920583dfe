import Chain
import Foundation

extension ScaleBenchmark {
    /// Where the orderer's one writing thread spent a fast submission's seconds: the figures
    /// that tell whether the writer limits the rate (busy near 1) and, if so, which of its
    /// steps grows with the ledger.
    package struct WriterLoad: Codable, Sendable {
        /// Of the submission's seconds, the share the writer spent building blocks (applying
        /// transactions) and committing them.
        package var busyFraction: Double
        /// Per committed transaction, µs applying it (its reads and the state writes it computes).
        package var buildMicrosecondsPerTransaction: Double
        /// Per committed transaction, µs in the store's commit (inserts, WAL write, fsync).
        package var storeMicrosecondsPerTransaction: Double
        /// Committed transactions per block.
        package var transactionsPerBlock: Double

        /// The figures of `work`, the orderer's counters' growth over `seconds` of submission.
        init(_ work: OrdererStatistics, seconds: Double) {
            let committed = Double(max(work.transactions, 1))
            busyFraction = (work.buildSeconds + work.storeSeconds) / max(seconds, 1e-9)
            buildMicrosecondsPerTransaction = work.buildSeconds * 1e6 / committed
            storeMicrosecondsPerTransaction = work.storeSeconds * 1e6 / committed
            transactionsPerBlock = committed / Double(max(work.blocks, 1))
        }

        /// One line of progress.
        package var description: String {
            String(format: "writer busy %.0f%%: applying %.1f µs/tx, storing %.1f µs/tx, %.0f tx/block",
                   busyFraction * 100, buildMicrosecondsPerTransaction, storeMicrosecondsPerTransaction, transactionsPerBlock)
        }
    }
}
