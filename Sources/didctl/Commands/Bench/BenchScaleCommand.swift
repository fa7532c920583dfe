import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench scale`: a ledger built to millions of DIDs and transactions, with the costs
/// per segment (issue #19; README "Benchmarks").
struct BenchScaleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Build a ledger of DIDs and transactions segment by segment and report whether costs stay flat as it grows.",
        discussion: """
            The first --dids transactions register DIDs, the rest are anchors. Per segment: the commit rate, the p99 \
            confirmation at --rate tx/s offered, the ledger's bytes per transaction after a checkpoint, RSS, and how busy the \
            orderer's one writing thread was (applying and storing, µs per transaction: whether it limits the rate); then \
            uncached resolutions per second at each tenth of --dids, and the time to reopen the ledger and answer a first \
            resolution. First, one segment's worth of anchors (--baseline) is committed on a separate empty ledger, so \
            that the last segment's rate is compared with an empty ledger's in the same run. The issue's full run \
            (--dids 10000000 --transactions 20000000, `make scale`) takes about three hours on 2 cores and 15 GB in a temporary \
            directory, removed at the end, on SIGINT and SIGTERM too (give --data-dir to keep it).
            """)

    @OptionGroup var global: LocalOptions

    @Option(help: "DIDs registered (the first transactions).")
    var dids = 1_000_000

    @Option(help: "Transactions in all, DID registrations included.")
    var transactions = 2_000_000

    @Option(help: "Transactions per reported segment.")
    var segment = 1_000_000

    @Option(name: .customLong("latency-transactions"), help: "Of each segment, how many are offered at the steady rate.")
    var latencyTransactions = 20_000

    @Option(help: "The steady offered load, transactions per second.")
    var rate = 5_000

    @Option(name: .customLong("resolution-sample"), help: "DIDs resolved for each resolution figure.")
    var resolutionSample = 50_000

    @Option(help: "Anchors committed first on a separate empty ledger, the rate the anchor segments are compared with (default: one segment's worth when the run has anchors; 0 for none).")
    var baseline: Int?

    @Option(name: .customLong("ledger-cache-mib"),
            help: "SQLite's page cache for the ledger's writer, MiB, as 'node start --ledger-cache-mib' sets it (each reader gets an eighth); both ledgers of the run use it.")
    var ledgerCacheMiB = 64

    func validate() throws {
        guard dids >= 0, transactions >= 1, segment >= 1, latencyTransactions >= 0, rate >= 1, resolutionSample >= 1,
              (baseline ?? 0) >= 0 else {
            throw ValidationError("Counts must be positive (--dids may be 0).")
        }
        guard (1...65_536).contains(ledgerCacheMiB) else { throw ValidationError("--ledger-cache-mib is from 1 to 65536, not \(ledgerCacheMiB).") }
        guard dids <= transactions else { throw ValidationError("--dids cannot exceed --transactions: each DID is one transaction.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("scale") { directory in
            var directory = directory
            directory.ledgerCacheKiB = ledgerCacheMiB * 1_024
            return try await ScaleBenchmark(dids: dids, transactions: transactions, segment: segment, latencyTransactions: latencyTransactions,
                                     offeredRate: rate, resolutionSample: resolutionSample,
                                     baselineTransactions: baseline ?? (transactions > dids ? segment : 0), directory: directory,
                                     progress: { output.progress($0) }).run()
        }
        var lines = ["transactions   DIDs         commit tx/s   p99 at \(r.offeredPerSecond)/s   bytes/tx   RSS MB   writer busy   apply µs/tx   store µs/tx"]
        for s in r.segments {
            lines.append(String(format: "%-14d %-12d %-13.0f %-15.1f %-10.0f %-8.0f %-13.0f %-13.1f %.1f", s.transactions, s.dids, s.committedPerSecond,
                                s.p99ConfirmationMilliseconds, s.bytesPerTransaction, s.rssMegabytes, s.writer.busyFraction * 100,
                                s.writer.buildMicrosecondsPerTransaction, s.writer.storeMicrosecondsPerTransaction))
        }
        if let empty = r.emptyLedgerCommittedPerSecond, let last = r.segments.last {
            lines.append(String(format: "anchors on an empty ledger: %.0f committed tx/s; the last segment's %.0f differs by %+.1f%%", empty,
                                last.committedPerSecond, (last.committedPerSecond / empty - 1) * 100))
            if let writer = r.emptyLedgerWriter { lines.append("  on the empty ledger, \(writer.description)") }
        }
        for resolution in r.resolutions {
            lines.append(String(format: "resolutions, uncached, with %d DIDs: %.0f per second", resolution.dids, resolution.perSecond))
        }
        lines.append(String(format: "reopen %.0f ms, first resolution answered after %.0f ms; peak RSS %.0f MB with a %d MiB ledger cache",
                            r.reopenMilliseconds, r.firstResolutionMilliseconds, r.peakRSSMegabytes, r.ledgerCacheMiB))
        try output.emit(r, text: lines.joined(separator: "\n"))
    }
}
