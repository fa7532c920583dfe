import Benchmarks
import Chain
import DID
import Foundation
import Node
import Testing

/// `didctl bench scale` at a tiny size: a figure per segment that counts what is on the ledger,
/// resolution figures at each tenth of the DIDs, and a reopened ledger that answers (speed itself
/// is measured by the benchmark, never in tests).
struct ScaleBenchmarkTests {
    @Test("the scale benchmark reports each segment of the ledger it builds, resolves sampled DIDs at each tenth, and reopens it")
    func tinyRun() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-scale-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try await ScaleBenchmark(dids: 1_500, transactions: 4_000, segment: 1_500, latencyTransactions: 200, offeredRate: 2_000,
                                              resolutionSample: 300, baselineTransactions: 500, directory: DataDirectory(url: url)).run()
        #expect(result.segments.map(\.transactions) == [1_500, 3_000, 4_000])
        #expect(result.segments.map(\.dids) == [1_500, 1_500, 1_500])
        #expect(result.segments.allSatisfy { $0.committedPerSecond > 0 && $0.p99ConfirmationMilliseconds > 0 && $0.bytesPerTransaction > 0 && $0.rssMegabytes > 0 })
        // The writer's figures cover the fast submission only: its share of those seconds is at
        // most all of them, and every committed transaction was in some block.
        for writer in result.segments.map(\.writer) + [result.emptyLedgerWriter].compactMap({ $0 }) {
            #expect(writer.busyFraction > 0 && writer.busyFraction <= 1.01, "\(writer)")
            #expect(writer.buildMicrosecondsPerTransaction > 0 && writer.storeMicrosecondsPerTransaction > 0, "\(writer)")
            #expect(writer.transactionsPerBlock >= 1 && writer.transactionsPerBlock <= 2_000, "\(writer)")
        }
        #expect(result.emptyLedgerWriter != nil)
        // 1,500 DIDs, then 2,500 anchors: about 890 and 635 bytes each in storage layout 2 under
        // state version 2 (`specs/chain.md` §6.3; layout 1 took about 3,800 and 811), plus the empty
        // ledger's pages. The first segment is DIDs only: the 1,200 per DID, as file size / count.
        #expect(result.segments[0].bytesPerTransaction <= 1_200, "\(result.segments.map(\.bytesPerTransaction))")
        #expect(result.segments.last!.bytesPerTransaction < 800, "\(result.segments.map(\.bytesPerTransaction))")
        #expect(result.resolutions.map(\.dids) == Array(repeating: 1_500, count: 10))
        #expect(result.resolutions.allSatisfy { $0.perSecond > 0 })
        // The empty ledger's rate came from a chain of its own, gone before the run's was made.
        #expect((result.emptyLedgerCommittedPerSecond ?? 0) > 0)
        #expect(!FileManager.default.fileExists(atPath: url.appendingPathComponent("empty-ledger-baseline").path))
        #expect(result.reopenMilliseconds > 0 && result.firstResolutionMilliseconds >= result.reopenMilliseconds)
        // The store's default page cache, read back from the writer's connection.
        #expect(result.ledgerCacheMiB == SQLiteBlockStore.Options().cacheKiB / 1_024)

        // The ledger holds every transaction the segments count: block heights add up.
        let runtime = try NodeRuntime(directory: DataDirectory(url: url))
        defer { runtime.node.shutdown() }
        var committed = 0
        for height in 1...runtime.node.head.height { committed += try runtime.store.transactions(at: height).count }
        #expect(committed == 4_000)
    }
}
