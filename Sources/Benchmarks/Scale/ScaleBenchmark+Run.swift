import Chain
import DID
import Foundation
import Node
import Primitives

extension ScaleBenchmark {
    /// Creates the chain, builds it segment by segment, then reopens it.
    /// - Returns: the figures.
    /// - Throws: the chain's errors when a submission is refused; `BenchmarkError` when a
    ///   registered DID does not resolve.
    package func run() async throws -> Result {
        let baseline = try await emptyLedgerRate()
        _ = try ChainBootstrap.create(in: directory, chainId: "scale", suite: .standard)
        var runtime: NodeRuntime? = try NodeRuntime(directory: directory)
        let chainId = runtime!.genesis.chainId
        let sample = DIDSample(capacity: resolutionSample)
        var segments: [Segment] = [], resolutions: [Resolution] = []
        var done = 0, registered = 0
        var nextResolution = dids >= 10 ? dids / 10 : dids
        while done < transactions {
            let size = min(segment, transactions - done)
            let steady = min(latencyTransactions, size / 2)
            let fast = size - steady
            let source = ScaleTransactions(runtime: runtime!, chainId: chainId, firstIndex: done, didsToRegister: dids, sample: sample)
            progress("segment \(segments.count + 1): transactions \(done + 1)-\(done + size)…")
            let (seconds, writer) = try await source.submitFast(count: fast, node: runtime!.node, progress: progress)
            try runtime!.store.checkpoint()
            let latencies = try await source.offerSteady(count: steady, from: done + fast, rate: offeredRate, node: runtime!.node).sorted()
            try runtime!.store.checkpoint()
            done += size
            registered = min(dids, done)
            segments.append(Segment(transactions: done, dids: registered, committedPerSecond: Double(fast) / max(seconds, 1e-9),
                                    p99ConfirmationMilliseconds: latencies.isEmpty ? 0 : BenchmarkStatistics.percentile(latencies, 0.99),
                                    bytesPerTransaction: Double(runtime!.store.diskUsage()) / Double(done),
                                    rssMegabytes: BenchmarkStatistics.residentMegabytes(),
                                    writer: WriterLoad(writer, seconds: seconds)))
            // Each segment's figures as soon as they exist: a run stopped part-way keeps them.
            let last = segments.last!
            progress(String(format: "  %d transactions, %d DIDs: %.0f commits/s, p99 %.1f ms at %d/s offered, %.0f bytes/tx, RSS %.0f MB",
                            last.transactions, last.dids, last.committedPerSecond, last.p99ConfirmationMilliseconds, offeredRate,
                            last.bytesPerTransaction, last.rssMegabytes))
            progress("  \(last.writer.description)")
            while registered >= nextResolution, nextResolution <= dids, registered > 0 {
                let resolver = DIDChancery.Resolver(chainId: chainId, state: runtime!.store)
                resolutions.append(Resolution(dids: registered, perSecond: try await Self.resolveAll(sample.dids, resolver: resolver)))
                progress("  \(Int(resolutions.last!.perSecond)) uncached resolutions/s with \(registered) DIDs")
                nextResolution += max(1, dids / 10)
            }
        }
        runtime!.node.shutdown()
        runtime = nil
        progress("reopening the ledger…")
        let start = ContinuousClock.now
        let reopened = try NodeRuntime(directory: directory)
        _ = reopened.node.head
        let reopen = (ContinuousClock.now - start).seconds * 1000
        if let did = sample.dids.first {
            guard DIDChancery.Resolver(chainId: chainId, state: reopened.store).resolveNow(did).isSuccess else {
                throw BenchmarkError("\(did) did not resolve after reopening the ledger.")
            }
        }
        let first = (ContinuousClock.now - start).seconds * 1000
        let cacheKiB = try reopened.store.writerCacheKiB
        reopened.node.shutdown()
        return Result(segments: segments, resolutions: resolutions, offeredPerSecond: offeredRate, emptyLedgerCommittedPerSecond: baseline?.rate,
                      emptyLedgerWriter: baseline?.writer,
                      reopenMilliseconds: reopen, firstResolutionMilliseconds: first,
                      peakRSSMegabytes: BenchmarkStatistics.peakRSSMegabytes(), ledgerCacheMiB: cacheKiB / 1_024)
    }

    /// Commits `baselineTransactions` anchors on a chain of their own in a subdirectory, removed
    /// before the run's chain is created there, so the anchor segments of the full ledger have
    /// an empty ledger's rate to be compared with, measured on the same machine in the same run.
    /// - Returns: committed anchors per second and the writer's load, nil when
    ///   `baselineTransactions` is 0.
    private func emptyLedgerRate() async throws -> (rate: Double, writer: WriterLoad)? {
        guard baselineTransactions > 0 else { return nil }
        let url = directory.url.appendingPathComponent("empty-ledger-baseline")
        defer {
            // The chain's store is released by then; a file its connections were still closing
            // can appear during a removal (seen on a loaded machine), so the removal is tried again.
            for _ in 0..<20 where FileManager.default.fileExists(atPath: url.path) {
                if (try? FileManager.default.removeItem(at: url)) == nil { usleep(50_000) }
            }
        }
        return try await emptyLedgerRate(at: url)
    }

    private func emptyLedgerRate(at url: URL) async throws -> (rate: Double, writer: WriterLoad) {
        var baseline = DataDirectory(url: url)
        baseline.ledgerCacheKiB = directory.ledgerCacheKiB
        _ = try ChainBootstrap.create(in: baseline, chainId: "scale", suite: .standard)
        let runtime = try NodeRuntime(directory: baseline)
        defer { runtime.node.shutdown() }
        progress("anchors on an empty ledger: \(baselineTransactions)…")
        let source = ScaleTransactions(runtime: runtime, chainId: runtime.genesis.chainId, firstIndex: 0, didsToRegister: 0,
                                       sample: DIDSample(capacity: 1))
        let (seconds, writer) = try await source.submitFast(count: baselineTransactions, node: runtime.node, progress: progress)
        let rate = Double(baselineTransactions) / max(seconds, 1e-9)
        let load = WriterLoad(writer, seconds: seconds)
        progress(String(format: "  %.0f commits/s on the empty ledger; ", rate) + load.description)
        return (rate, load)
    }

    /// Resolutions per second over `dids`, two workers per core, none cached; all must succeed.
    static func resolveAll(_ dids: [DID], resolver: DIDChancery.Resolver) async throws -> Double {
        let workers = ProcessInfo.processInfo.activeProcessorCount * 2
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for index in stride(from: worker, to: dids.count, by: workers) where !resolver.resolveNow(dids[index]).isSuccess {
                        throw BenchmarkError("The registered DID \(dids[index]) failed to resolve.")
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(dids.count) / max((ContinuousClock.now - start).seconds, 1e-9)
    }
}
