import AsyncHTTPClient
import Chain
package import Foundation
import NIOCore
import NIOHTTP1
import Node
import Primitives

/// `didctl bench consortium` (issue #16): a real consortium on this machine, `nodes` node
/// processes over a three-member etcd cluster, each started and stopped by its pid; pre-signed
/// anchors submitted over HTTP to every node in turn, a receipt being the node's answer once the
/// block is final (a quorum of nodes signed it). It reports committed transactions per second,
/// the confirmation latency at a steady offered load, whether every node ends at the same final
/// head, and beside them, from the same run, the solo chain's rate (`bench chain`, in process)
/// and the signature-verification bound (every node verifies every transaction, so on one
/// machine the consortium's bound is the solo bound divided by the number of nodes).
package struct ConsortiumBenchmark: Sendable {
    /// Consortium nodes (each its own process and ledger).
    package var nodes: Int
    /// Transactions submitted for the throughput figure.
    package var transactions: Int
    /// Concurrent HTTP clients, each keeping `window` submissions in flight.
    package var clients: Int
    package var window: Int
    /// The steady offered load for the latency figure, tx/s, and how many are offered at it.
    package var offeredRate: Int
    package var latencyTransactions: Int
    /// Transactions of the solo run beside it (0 skips it).
    package var soloTransactions: Int
    /// Where the etcd members, the nodes' data directories and the solo chain are made.
    package var directory: URL
    /// The `didctl` executable the nodes run.
    package var didctl: URL
    /// Called with a line of progress now and then.
    package var progress: @Sendable (String) -> Void

    /// The figures of one run.
    package struct Result: Codable, Sendable {
        package var nodes: Int
        package var transactions: Int
        package var committedPerSecond: Double
        package var offeredPerSecond: Int
        package var latencySamples: Int
        package var latencyP50Milliseconds: Double
        package var latencyP99Milliseconds: Double
        /// Every node at the same final height with the same head hash at the end.
        package var nodesAgree: Bool
        package var finalHeight: Int
        package var soloCommittedPerSecond: Double?
        package var verificationBoundPerSecond: Double?
        /// The solo bound divided by the number of nodes, which share this machine's cores.
        package var consortiumBoundPerSecond: Double?
        package var peakRSSMegabytes: Double
    }

    /// Creates the benchmark; `directory` must be empty or absent.
    package init(nodes: Int = 3, transactions: Int = 20_000, clients: Int = 8, window: Int = 64, offeredRate: Int = 2_000,
                 latencyTransactions: Int = 10_000, soloTransactions: Int = 20_000, directory: URL, didctl: URL,
                 progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.nodes = max(1, nodes)
        self.transactions = transactions
        self.clients = max(1, clients)
        self.window = max(1, window)
        self.offeredRate = max(1, offeredRate)
        self.latencyTransactions = latencyTransactions
        self.soloTransactions = soloTransactions
        self.directory = directory
        self.didctl = didctl
        self.progress = progress
    }

    /// Starts the cluster and the nodes, runs both phases, stops everything by pid, then runs
    /// the solo chain.
    /// - Throws: `BenchmarkError` when a process does not start or a submission is refused.
    package func run() async throws -> Result {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        progress("starting a 3-member etcd cluster…")
        let cluster = try EtcdCluster(size: 3)
        var running: [ConsortiumNodeProcess] = []
        defer {
            for node in running { node.stop() }
            cluster.stop()
        }
        let directories = (0..<nodes).map { directory.appendingPathComponent("node\($0)") }
        progress("making the chain and \(nodes - 1) joining node(s)…")
        var ids = [try Self.field("nodeId", ConsortiumNodeProcess.run(didctl, ["init", "--chain-id", "bench-consortium", "--json",
                                                                               "--data-dir", directories[0].path]))]
        for index in 1..<max(1, nodes) where nodes > 1 {
            ids.append(try Self.field("nodeId", ConsortiumNodeProcess.run(didctl, [
                "init", "--genesis", directories[0].appendingPathComponent("genesis.json").path, "--json", "--data-dir", directories[index].path])))
        }
        for index in 0..<nodes {
            running.append(try ConsortiumNodeProcess(didctl: didctl, dataDirectory: directories[index], etcd: cluster.endpoints,
                                                     requestsPerClient: max(64, clients * window)))
        }
        for index in 1..<max(1, nodes) where nodes > 1 {
            progress("admitting node \(index) (the committee's approval, through node 0)…")
            _ = try ConsortiumNodeProcess.run(didctl, ["node", "admit", ids[index], "--json", "--data-dir", directories[0].path,
                                                       "--node", running[0].url.absoluteString])
        }

        let total = transactions + latencyTransactions
        progress("pre-signing \(total) anchors…")
        let signed = try await Self.anchors(total, directory: directories[0])
        let urls = running.map { $0.url.appendingPathComponent("transactions").absoluteString }

        // Enough connections for every submission in flight: HTTP/1.1 takes one request at a time.
        let client = BenchmarkHTTPClient.make(connections: clients * window)
        let committed: Double, latencies: [Double]
        do {
            progress("submitting \(transactions) transactions to \(nodes) nodes from \(clients) clients…")
            let start = ContinuousClock.now
            try await submitAll(Array(signed.prefix(transactions)), to: urls, client: client)
            committed = Double(transactions) / (ContinuousClock.now - start).seconds

            progress("offering \(offeredRate) tx/s for \(latencyTransactions) transactions…")
            latencies = try await steadyLoad(Array(signed.suffix(latencyTransactions)), to: urls, client: client).sorted()
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()

        progress("waiting for every node to reach the same final head…")
        let (agree, finalHeight) = try await agreement(of: running)
        for node in running { node.stop() }
        cluster.stop()

        var solo: ChainBenchmark.Result?
        if soloTransactions > 0 {
            progress("the solo chain beside it, \(soloTransactions) transactions in process…")
            let soloDirectory = DataDirectory(url: directory.appendingPathComponent("solo"))
            solo = try await ChainBenchmark(transactions: soloTransactions, latencyTransactions: 0, directory: soloDirectory,
                                            progress: progress).run()
        }
        return Result(nodes: nodes, transactions: transactions, committedPerSecond: committed, offeredPerSecond: offeredRate,
                      latencySamples: latencies.count, latencyP50Milliseconds: BenchmarkStatistics.percentile(latencies, 0.50),
                      latencyP99Milliseconds: BenchmarkStatistics.percentile(latencies, 0.99), nodesAgree: agree,
                      finalHeight: finalHeight, soloCommittedPerSecond: solo?.committedPerSecond,
                      verificationBoundPerSecond: solo?.verificationBoundPerSecond,
                      consortiumBoundPerSecond: solo.map { $0.verificationBoundPerSecond / Double(nodes) },
                      peakRSSMegabytes: BenchmarkStatistics.peakRSSMegabytes())
    }

    /// Anchors of a DID registration's size, each under its own one-time key certified by the
    /// membership service of node 0's data directory (read beside the running node).
    private static func anchors(_ count: Int, directory: URL) async throws -> [[UInt8]] {
        let runtime = try NodeRuntime(directory: DataDirectory(url: directory), access: .read)
        defer { runtime.node.shutdown() }
        let memo = [UInt8](repeating: 0x61, count: 222)
        var signed: [[UInt8]] = []
        signed.reserveCapacity(count)
        while signed.count < count {
            let keys = try await runtime.oneTimeKeys(count: min(2_000, count - signed.count))
            signed += try keys.map { key in
                try Transaction(type: AnchorHandler.transactionType, body: AnchorHandler.body(digest: SecureRandom.bytes(count: 32), memo: memo),
                                chainId: runtime.genesis.chainId, oneTimeKey: key).encoded
            }
        }
        return signed
    }

    /// `clients` concurrent clients, each keeping `window` submissions in flight, to the nodes in
    /// turn (``ChainLoad``).
    private func submitAll(_ signed: [[UInt8]], to urls: [String], client: HTTPClient) async throws {
        try await ChainLoad.submitAll(signed, clients: clients, window: window, progressEvery: 5_000, progress: progress) { index, bytes in
            try await Self.submit(bytes, to: urls[index % urls.count], client: client)
        }
    }

    /// Offers the transactions at `offeredRate` to the nodes in turn (``ChainLoad``: open loop,
    /// each confirmation time measured from its scheduled release) and returns them in ms.
    private func steadyLoad(_ signed: [[UInt8]], to urls: [String], client: HTTPClient) async throws -> [Double] {
        try await ChainLoad.offer(signed, rate: offeredRate) { index, bytes in
            try await Self.submit(bytes, to: urls[index % urls.count], client: client)
        }
    }

    /// One `POST /transactions`; a receipt (200) is the node's word that the block is final.
    private static func submit(_ bytes: [UInt8], to url: String, client: HTTPClient) async throws {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: JSONValue.object(["transaction": .string(Base64URL.encode(bytes))]).serialized()))
        let response = try await client.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw BenchmarkError("A node answered \(response.status.code): \(String(buffer: body).prefix(300))")
        }
    }

    /// Polls every node's `/healthz` (at most 120 s) until all show one final height equal to
    /// their height and one head hash.
    private func agreement(of nodes: [ConsortiumNodeProcess]) async throws -> (Bool, Int) {
        var last = 0
        for _ in 0..<1_200 {
            var heads: [(final: Int, height: Int, hash: String)] = []
            for node in nodes {
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: node.url.appendingPathComponent("healthz").absoluteString),
                                                                   timeout: .seconds(30))
                let health = try JSONValue(parsing: Array(try await response.body.collect(upTo: 1 << 20).readableBytesView))
                heads.append((Int(health["finalHeight"]?.doubleValue ?? -1), Int(health["height"]?.doubleValue ?? -2),
                              health["headHash"]?.stringValue ?? ""))
            }
            last = heads.map(\.final).min() ?? 0
            if Set(heads.map(\.hash)).count == 1, Set(heads.map(\.final)).count == 1, heads.allSatisfy({ $0.final == $0.height }) {
                return (true, last)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return (false, last)
    }

    private static func field(_ name: String, _ output: String) throws -> String {
        guard let value = (try? JSONValue(parsing: Array(output.utf8)))?[name]?.stringValue else {
            throw BenchmarkError("No \(name) in didctl's answer: \(output.prefix(300))")
        }
        return value
    }
}
