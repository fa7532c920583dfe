import ArgumentParser
import Benchmarks
import Foundation
import Node

/// `didctl bench register`: DID registrations per second from client-signed transactions,
/// in process and through the node's HTTP API, side by side in one run.
struct BenchRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Measure DID registrations per second, client-signed, in process and through POST /transactions, in one run.",
        discussion: """
            Each round registers --dids DIDs in process (ChainNode directly) and --dids more through the \
            node's HTTP API on 127.0.0.1 (POST /membership/certificates, then POST /transactions waiting \
            for each commit), from --clients concurrent clients each. Clients and node run in this one \
            process and share its cores; the HTTP requests cross real sockets.
            """)

    @OptionGroup var global: LocalOptions

    @Option(help: "DIDs registered per phase and round (each its own did.create).")
    var dids = 20_000

    @Option(help: "Concurrent clients in each phase.")
    var clients = 8

    @Option(help: "Submissions each client keeps in flight.")
    var window = 32

    @Option(name: .customLong("keys-per-request"), help: "One-time keys per certificate request.")
    var keysPerRequest = 100

    @Option(help: "Rounds; medians are reported.")
    var rounds = 3

    func validate() throws {
        guard dids >= 1, clients >= 1, window >= 1, rounds >= 1 else { throw ValidationError("Counts must be at least 1.") }
        guard (1...10_000).contains(keysPerRequest) else { throw ValidationError("--keys-per-request must be from 1 to 10000.") }
    }

    func run() async throws {
        let output = Output(json: global.json)
        let r = try await global.withBenchmarkDirectory("register") { directory in
            try await RegisterBenchmark(dids: dids, clients: clients, window: window, keysPerRequest: keysPerRequest, rounds: rounds,
                                        directory: directory, progress: { output.progress($0) }).run()
        }
        try output.emit(r, text: String(format: """
            DIDs per phase and round      %d (did.create signed by the client, %d clients, %d in flight each, %d keys per certificate request)
            in process (ChainNode)        %.0f DIDs/s (median of %d rounds)
            through POST /transactions    %.0f DIDs/s (median; node and clients in one process, real sockets on 127.0.0.1)
            ratio HTTP / in process       %.2f
            verification bound            %.0f tx/s (%.1f µs per transaction, both signatures, %d cores)
            did.create check bound        %.0f DIDs/s (%.1f µs per did.create: both signatures, body, inception proof; %d cores)
            in process / check bound      %.2f
            DIDs resolved afterwards      %d of %d
            """, r.dids, r.clients, r.window, r.keysPerRequest, r.inProcessPerSecond, r.rounds, r.httpPerSecond, r.ratio,
            r.verificationBoundPerSecond, r.verificationMicrosecondsPerTransaction, r.cores,
            r.checkBoundPerSecond, r.checkMicrosecondsPerTransaction, r.cores, r.inProcessPerSecond / r.checkBoundPerSecond,
            r.resolved, r.registered))
        if r.resolved != r.registered { throw DidctlFailure("Some registered DIDs do not resolve.") }
    }
}
