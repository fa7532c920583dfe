import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench consortium`: a consortium of node processes over a real etcd cluster on this
/// machine, measured beside the solo chain (issue #16; README "Benchmarks").
struct BenchConsortiumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consortium",
        abstract: "Run N etcd-ordered nodes and 3 etcd members here and measure committed tx/s and confirmation latency.",
        discussion: """
            Starts a 3-member etcd cluster (Debian's etcd-server, /usr/bin/etcd) and --nodes 'didctl node start \
            --ordering etcd' processes on 127.0.0.1, joins and admits the others through node 0, then submits pre-signed \
            anchors over HTTP to every node in turn: a receipt is a node's answer once the block is final. Reports the \
            committed rate, p50/p99 confirmation at --rate tx/s offered, whether every node ends at one final head, and \
            from the same run the solo chain's rate and the signature-verification bound (divided by the nodes, which \
            share this machine's cores). Every process is stopped by its pid at the end, also on failure, \
            and killed (with its temporary data removed) when SIGINT or SIGTERM ends the command.
            """)

    @OptionGroup var global: LocalOptions

    @Option(help: "Consortium nodes.")
    var nodes = 3

    @Option(help: "Transactions submitted for the throughput figure.")
    var transactions = 20_000

    @Option(help: "Concurrent HTTP clients.")
    var clients = 8

    @Option(help: "Submissions each client keeps in flight.")
    var window = 64

    @Option(help: "The steady offered load for the latency figure, transactions per second.")
    var rate = 2_000

    @Option(name: .customLong("latency-transactions"), help: "Transactions offered at the steady rate.")
    var latencyTransactions = 10_000

    @Option(name: .customLong("solo-transactions"), help: "Transactions of the solo chain measured beside it (0 skips it).")
    var soloTransactions = 20_000

    func validate() throws {
        guard (1...9).contains(nodes) else { throw ValidationError("--nodes is 1 to 9.") }
        guard transactions >= 1, clients >= 1, window >= 1, rate >= 1, latencyTransactions >= 0, soloTransactions >= 0 else {
            throw ValidationError("Counts must be positive (--latency-transactions and --solo-transactions may be 0).")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/etcd") else {
            throw ValidationError("etcd is not installed (/usr/bin/etcd): install Debian's etcd-server ('make deps' does).")
        }
    }

    func run() async throws {
        let output = Output(json: global.json)
        // Killed by a signal, the command stops its etcd members and nodes first.
        BenchmarkChildren.stopOnSignals()
        // The nodes run this very executable.
        let didctl = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let r: ConsortiumBenchmark.Result
        do {
            r = try await global.withBenchmarkDirectory("consortium") { directory in
                try await ConsortiumBenchmark(nodes: nodes, transactions: transactions, clients: clients, window: window, offeredRate: rate,
                                              latencyTransactions: latencyTransactions, soloTransactions: soloTransactions,
                                              directory: directory.url, didctl: didctl, progress: { output.progress($0) }).run()
            }
        } catch {
            // Killed children fail the run at once; a signal's handler ends the process itself.
            await BenchmarkChildren.yieldToSignalHandler()
            throw error
        }
        var lines = [String(format: "%d nodes, 3 etcd members: %.0f committed tx/s (%d transactions); nodes agree: %@, final height %d",
                            r.nodes, r.committedPerSecond, r.transactions, r.nodesAgree ? "yes" : "NO", r.finalHeight),
                     String(format: "confirmation at %d tx/s offered: p50 %.1f ms, p99 %.1f ms (%d samples)",
                            r.offeredPerSecond, r.latencyP50Milliseconds, r.latencyP99Milliseconds, r.latencySamples)]
        if let solo = r.soloCommittedPerSecond, let bound = r.verificationBoundPerSecond, let share = r.consortiumBoundPerSecond {
            lines.append(String(format: "solo chain, same run: %.0f committed tx/s; verification bound %.0f tx/s, divided by %d nodes: %.0f tx/s",
                                solo, bound, r.nodes, share))
        }
        lines.append(String(format: "peak RSS of this process %.0f MB", r.peakRSSMegabytes))
        try output.emit(r, text: lines.joined(separator: "\n"))
        if !r.nodesAgree { throw ExitCode(1) }
    }
}
