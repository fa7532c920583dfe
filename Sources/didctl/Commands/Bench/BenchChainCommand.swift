import ArgumentParser
import Benchmarks
import Chain
import Foundation
import Node

/// `didctl bench chain`: throughput, latency, disk, reopen and memory of the embedded chain.
struct BenchChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain",
        abstract: "Pre-sign transactions, submit them from concurrent clients to an embedded node, and report the figures.",
        discussion: "Uses a fresh chain in a temporary directory unless --data-dir names a new one (kept afterwards).")

    @OptionGroup var global: LocalOptions

    @Option(help: "Transactions submitted for the throughput figure.")
    var transactions = 200_000

    @Option(help: "Concurrent clients (at least 8 for the reported figure).")
    var clients = 8

    @Option(help: "Submissions each client keeps in flight.")
    var window = 256

    @Option(name: .customLong("offered-rate"), help: "Steady offered load (tx/s) for the latency figure.")
    var offeredRate = 5_000

    @Option(name: .customLong("latency-transactions"), help: "Transactions offered at the steady rate (0 skips it).")
    var latencyTransactions = 25_000

    @Option(name: .customLong("body-size"), help: "Transaction body bytes (a DID registration is about 256).")
    var bodySize = 256

    @Option(name: .customLong("ack-log"), help: "Append each committed transaction id to this file (crash tests).")
    var ackLog: String?

    @Option(help: "The chain's crypto suite: standard (secp256k1, SHA-256) or sm (SM2, SM3).")
    var crypto = "standard"

    func validate() throws {
        guard ChainCryptoSuite(name: crypto) != nil else { throw ValidationError("--crypto is 'standard' or 'sm', not '\(crypto)'.") }
        guard transactions >= 1, clients >= 1, window >= 1, offeredRate >= 1, latencyTransactions >= 0, bodySize >= 34 else {
            throw ValidationError("Counts must be positive and --body-size at least 34.")
        }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("chain") { directory in
            try await ChainBenchmark(
                transactions: transactions, clients: clients, window: window, bodySize: bodySize, offeredRate: offeredRate,
                latencyTransactions: latencyTransactions, directory: directory,
                ackLog: ackLog.map { URL(fileURLWithPath: $0) }, suite: ChainCryptoSuite(name: crypto) ?? .standard,
                progress: { output.progress($0) }).run()
        }
        try output.emit(r, text: "crypto suite              \(r.crypto)\n" + String(format: """
            transactions              %d (%d bytes each, %d blocks), %d clients
            committed                 %.0f tx/s
            verification bound        %.0f tx/s (%.1f µs per transaction, both signatures, all cores)
            fraction of bound         %.0f%%
            confirmation at %d tx/s  p50 %.1f ms, p99 %.1f ms (%d samples)
            bytes on disk             %.0f per transaction
            reopen                    %.0f ms
            peak RSS                  %.0f MB (of which %.0f MB pre-signed transactions)
            """, r.transactions, r.transactionBytes, r.blocks, r.clients, r.committedPerSecond, r.verificationBoundPerSecond,
            r.verificationMicrosecondsPerTransaction, r.fractionOfVerificationBound * 100, r.offeredPerSecond,
            r.latencyP50Milliseconds, r.latencyP99Milliseconds, r.latencySamples, r.bytesOnDiskPerTransaction,
            r.reopenMilliseconds, r.peakRSSMegabytes, r.presignedMegabytes))
    }
}
