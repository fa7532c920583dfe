package import Chain
package import Foundation
import KeyCustody
package import Node
import Primitives

/// `didctl bench chain`: pre-signs transactions with full envelopes, submits them from
/// concurrent clients to an embedded node with a SQLite ledger, and reports throughput, the
/// signature-verification bound measured in the same run, confirmation latency under a steady
/// offered load, bytes on disk, reopen time and peak RSS.
package struct ChainBenchmark: Sendable {
    /// Transactions submitted for the throughput figure.
    package var transactions = 200_000
    /// Concurrent clients submitting them.
    package var clients = 8
    /// Submissions each client keeps in flight.
    package var window = 256
    /// Bytes of each transaction body (a DID registration is about 256).
    package var bodySize = 256
    /// Steady offered load (tx/s) for the latency figure.
    package var offeredRate = 5_000
    /// Transactions offered at the steady rate; 0 skips the latency phase.
    package var latencyTransactions = 25_000
    /// Where the chain is created.
    package var directory: DataDirectory
    /// A file each committed transaction id is appended to (crash tests), if any.
    package var ackLog: URL?
    /// Called with a line of progress now and then.
    package var progress: @Sendable (String) -> Void = { _ in }
    /// The chain's crypto suite (`didctl bench chain --crypto sm`).
    package var suite: ChainCryptoSuite = .standard

    /// The figures of one run, as `didctl bench chain` prints them.
    package struct Result: Codable {
        /// The crypto suite's name: `standard` or `sm`.
        package var crypto: String
        package var transactions: Int
        package var clients: Int
        package var committedPerSecond: Double
        package var blocks: UInt64
        package var verificationMicrosecondsPerTransaction: Double
        package var verificationBoundPerSecond: Double
        package var fractionOfVerificationBound: Double
        package var offeredPerSecond: Int
        package var latencySamples: Int
        package var latencyP50Milliseconds: Double
        package var latencyP99Milliseconds: Double
        package var bytesOnDiskPerTransaction: Double
        package var reopenMilliseconds: Double
        package var peakRSSMegabytes: Double
        package var presignedMegabytes: Double
        package var transactionBytes: Int
        package var orderer: OrdererStatistics
    }

    /// Creates the benchmark over a fresh data directory; the defaults are the reported settings.
    package init(transactions: Int = 200_000, clients: Int = 8, window: Int = 256, bodySize: Int = 256, offeredRate: Int = 5_000,
                 latencyTransactions: Int = 25_000, directory: DataDirectory, ackLog: URL? = nil,
                 suite: ChainCryptoSuite = .standard, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.suite = suite
        self.transactions = transactions
        self.clients = clients
        self.window = window
        self.bodySize = bodySize
        self.offeredRate = offeredRate
        self.latencyTransactions = latencyTransactions
        self.directory = directory
        self.ackLog = ackLog
        self.progress = progress
    }

    /// Creates the chain in `directory`, runs both phases and measures the rest.
    /// - Returns: the figures.
    /// - Throws: `BenchmarkError` when a pre-signed transaction fails verification; the chain's
    ///   errors when a submission is refused.
    package func run() async throws -> Result {
        _ = try ChainBootstrap.create(in: directory, chainId: "bench", suite: suite)
        var runtime: NodeRuntime? = try NodeRuntime(directory: directory)
        let total = transactions + latencyTransactions
        progress("pre-signing \(total) transactions (one-time key, certificate, envelope, signature each)…")
        let signed = try await presign(count: total, runtime: runtime!)
        let presignedBytes = signed.reduce(0) { $0 + $1.count }

        progress("measuring the signature-verification bound…")
        let perTransaction = try verificationCost(signed.prefix(2_000), runtime: runtime!)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let bound = Double(cores) / perTransaction * 1e6

        progress("submitting \(transactions) transactions from \(clients) clients…")
        let ack = try ackLog.map { url -> FileHandle in
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            return try FileHandle(forWritingTo: url)
        }
        let start = ContinuousClock.now
        try await submitAll(Array(signed.prefix(transactions)), node: runtime!.node, ack: ack)
        let elapsed = ContinuousClock.now - start
        let committedPerSecond = Double(transactions) / elapsed.seconds

        // The latency phase measures the steady state at the offered rate, not the clearing of
        // the throughput phase's WAL backlog, so the WAL is checkpointed between the phases.
        try runtime!.store.checkpoint()
        progress("offering \(offeredRate) tx/s for \(latencyTransactions) transactions…")
        let latencies = try await steadyLoad(Array(signed.suffix(latencyTransactions)), node: runtime!.node).sorted()
        let blocks = runtime!.node.head.height
        let ordererStatistics = runtime!.node.statistics

        runtime!.node.shutdown()
        try runtime!.store.checkpoint()
        let disk = Double(runtime!.store.diskUsage()) / Double(total)
        runtime = nil
        progress("reopening the ledger…")
        let reopenStart = ContinuousClock.now
        let reopened = try NodeRuntime(directory: directory)
        _ = reopened.node.head
        let reopen = (ContinuousClock.now - reopenStart).seconds * 1000
        reopened.node.shutdown()

        return Result(
            crypto: suite.name, transactions: transactions, clients: clients, committedPerSecond: committedPerSecond, blocks: blocks,
            verificationMicrosecondsPerTransaction: perTransaction, verificationBoundPerSecond: bound,
            fractionOfVerificationBound: committedPerSecond / bound, offeredPerSecond: offeredRate,
            latencySamples: latencies.count, latencyP50Milliseconds: BenchmarkStatistics.percentile(latencies, 0.50),
            latencyP99Milliseconds: BenchmarkStatistics.percentile(latencies, 0.99), bytesOnDiskPerTransaction: disk,
            reopenMilliseconds: reopen, peakRSSMegabytes: BenchmarkStatistics.peakRSSMegabytes(),
            presignedMegabytes: Double(presignedBytes) / 1_048_576, transactionBytes: signed.first?.count ?? 0,
            orderer: ordererStatistics)
    }

    /// DID-registration-sized anchors, each under its own certified one-time key; spread over cores.
    private func presign(count: Int, runtime: NodeRuntime) async throws -> [[UInt8]] {
        let chunk = 2_000
        let chainId = runtime.genesis.chainId
        let memo = [UInt8](repeating: 0x61, count: max(0, bodySize - 34))
        return try await withThrowingTaskGroup(of: (Int, [[UInt8]]).self) { group in
            var results: [Int: [[UInt8]]] = [:]
            var next = 0
            func add() {
                let base = next
                let size = min(chunk, count - base)
                next += size
                group.addTask {
                    let keys = try await runtime.oneTimeKeys(count: size)
                    return (base, try keys.map { key in
                        try Transaction(type: AnchorHandler.transactionType,
                                        body: AnchorHandler.body(digest: SecureRandom.bytes(count: 32), memo: memo),
                                        chainId: chainId, oneTimeKey: key).encoded
                    })
                }
            }
            for _ in 0..<4 where next < count { add() }
            while let (base, batch) = try await group.next() {
                results[base] = batch
                if next < count { add() }
                progress("  pre-signed \(results.values.reduce(0) { $0 + $1.count })/\(count)")
            }
            return results.keys.sorted().flatMap { results[$0]! }
        }
    }

    /// Median µs to decode and check both signatures of one transaction, one thread.
    private func verificationCost(_ sample: ArraySlice<[UInt8]>, runtime: NodeRuntime) throws -> Double {
        let decoded = try sample.map { try Transaction(decoding: $0) }
        let msKey = try runtime.genesis.membershipServiceKey()
        var rounds: [Double] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            for transaction in decoded {
                guard transaction.verifySignatures(chainId: runtime.genesis.chainId, membershipServiceKey: msKey) == nil else {
                    throw BenchmarkError("A pre-signed benchmark transaction failed verification.")
                }
            }
            rounds.append((ContinuousClock.now - start).seconds * 1e6 / Double(decoded.count))
        }
        return rounds.sorted()[rounds.count / 2]
    }

    /// `clients` concurrent clients, each keeping `window` submissions in flight (``ChainLoad``);
    /// each receipt's id goes to `ack` when given.
    private func submitAll(_ signed: [[UInt8]], node: ChainNode, ack: FileHandle?) async throws {
        let ackLock = NSLock()
        try await ChainLoad.submitAll(signed, clients: clients, window: window, progressEvery: 20_000, progress: progress) { _, bytes in
            let receipt = try await node.submit(encoded: bytes)
            if let ack { ackLock.withLock { ack.write(Data("\(receipt.transactionId)\n".utf8)) } }
        }
    }

    /// Open-loop load at `offeredRate` (``ChainLoad``).
    private func steadyLoad(_ signed: [[UInt8]], node: ChainNode) async throws -> [Double] {
        try await ChainLoad.offer(signed, rate: offeredRate, node: node)
    }
}
