import AsyncHTTPClient
import Chain
package import DID
import Foundation
import HTTPServer
import KeyCustody
package import Node
import Primitives

/// `didctl bench register`: DID registrations per second committed from client-signed
/// `did.create` transactions, in process and through the node's HTTP API, in the same run.
///
/// Each round registers `dids` DIDs twice on one chain, the two phases in alternating order:
/// in process, `clients` clients certify their one-time keys with the membership service and
/// submit to `ChainNode` directly; over HTTP, as many clients, each with its own
/// async-http-client connection pool, call `POST /membership/certificates` and
/// `POST /transactions` (waiting for the commit) on `NodeHTTPServer` listening on 127.0.0.1.
/// Clients and node share this process and its cores; the HTTP requests cross real sockets.
/// Every client signs as the chain's operator, the only member of a fresh chain.
package struct RegisterBenchmark: Sendable {
    /// DIDs registered per phase and round.
    package var dids = 20_000
    /// Concurrent clients in each phase.
    package var clients = 8
    /// Submissions each client keeps in flight.
    package var window = 32
    /// One-time keys each certificate request asks for.
    package var keysPerRequest = 100
    /// Rounds; medians are reported.
    package var rounds = 3
    /// Where the chain is created.
    package var directory: DataDirectory
    /// Called with a line of progress now and then.
    package var progress: @Sendable (String) -> Void = { _ in }

    /// The figures of one run.
    package struct Result: Codable, Sendable {
        /// DIDs registered per phase and round.
        package var dids: Int
        /// Clients per phase.
        package var clients: Int
        /// Submissions in flight per client.
        package var window: Int
        /// Keys per certificate request.
        package var keysPerRequest: Int
        /// Rounds measured.
        package var rounds: Int
        /// DIDs per second in process, median over the rounds.
        package var inProcessPerSecond: Double
        /// DIDs per second through HTTP, median over the rounds.
        package var httpPerSecond: Double
        /// `httpPerSecond / inProcessPerSecond`.
        package var ratio: Double
        /// Each round's in-process figure.
        package var inProcessRounds: [Double]
        /// Each round's HTTP figure.
        package var httpRounds: [Double]
        /// µs to check both signatures of a `did.create` transaction, one thread.
        package var verificationMicrosecondsPerTransaction: Double
        /// Cores / that cost: transactions per second signature checking alone would allow.
        package var verificationBoundPerSecond: Double
        /// µs for the whole stateless check of a `did.create` (both signatures, body parsed,
        /// inception proof's key recovered), one thread.
        package var checkMicrosecondsPerTransaction: Double
        /// Cores / that cost: the DIDs per second the cores could register if checking each
        /// `did.create` were all they did (the registration bound).
        package var checkBoundPerSecond: Double
        /// DIDs registered in the run, in both phases.
        package var registered: Int
        /// Of those, how many resolve from the chain afterwards.
        package var resolved: Int
        /// Cores of the machine (shared by clients and node).
        package var cores: Int
    }

    /// Creates the benchmark over a fresh data directory; the defaults are the reported settings.
    package init(dids: Int = 20_000, clients: Int = 8, window: Int = 32, keysPerRequest: Int = 100, rounds: Int = 3,
                 directory: DataDirectory, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.dids = max(1, dids)
        self.clients = max(1, clients)
        self.window = max(1, window)
        self.keysPerRequest = min(MembershipService.maximumKeysPerRequest, max(1, keysPerRequest))
        self.rounds = max(1, rounds)
        self.directory = directory
        self.progress = progress
    }

    /// Creates the chain in `directory`, serves it over HTTP and runs the rounds.
    /// - Parameter registered: called with the DIDs of each phase once they are committed.
    /// - Returns: the figures.
    /// - Throws: `BenchmarkError` when a request is refused or answered without its commit.
    package func run(registered: @Sendable ([DID]) -> Void = { _ in }) async throws -> Result {
        _ = try ChainBootstrap.create(in: directory, chainId: "bench-register")
        let runtime = try NodeRuntime(directory: directory)
        defer { runtime.node.shutdown() }
        let chainId = runtime.genesis.chainId
        let member = KeyReference("operator")
        let issuer = OneTimeKeyIssuer(chainId: chainId, memberHandle: MemberHandle(publicKey: try await runtime.custodian.publicKey(for: member)),
                                      custodian: runtime.custodian, key: member)
        let client = RegistrationClient(chainId: chainId, issuer: issuer, epoch: runtime.schedule.epoch(atMilliseconds: runtime.clock.nowMilliseconds()),
                                        clock: runtime.clock, keysPerRequest: keysPerRequest, window: window)

        progress("measuring the signature-verification bound…")
        let perTransaction = try await verificationCost(client: client, service: try runtime.membershipService, runtime: runtime)
        let cores = ProcessInfo.processInfo.activeProcessorCount

        // Every client connects from 127.0.0.1, which the server's per-client limits would
        // otherwise treat as one client: they are raised to what all of them keep in flight.
        let inFlight = clients * (window + 1) + 16
        let limits = HTTPServerConfiguration.Limits(maximumConcurrentRequestsPerClient: inFlight, requestTimeout: .seconds(120),
                                                    maximumConnectionsPerClient: inFlight)
        let server = try await BenchmarkServer.start(backend: try ChainNodeBackend(runtime: runtime), limits: limits)
        progress("node serving on \(server.url); \(clients) clients per phase, \(window) submissions in flight each")
        let httpClients = (0..<clients).map { _ in BenchmarkHTTPClient.make(connections: window + 1) }
        let inProcess = InProcessRegistration(node: runtime.node, service: try runtime.membershipService, clock: runtime.clock)
        let overHTTP = httpClients.map { HTTPRegistration(client: $0, base: server.url) as any RegistrationChannel }

        var inProcessRates: [Double] = [], httpRates: [Double] = []
        var all: [DID] = []
        do {
            for round in 1...rounds {
                // Alternating the order, so neither phase always meets the larger ledger.
                for phase in round % 2 == 1 ? [false, true] : [true, false] {
                    let channels = phase ? overHTTP : Array(repeating: inProcess, count: clients)
                    let (rate, dids) = try await self.phase(client: client, channels: channels)
                    if phase { httpRates.append(rate) } else { inProcessRates.append(rate) }
                    registered(dids)
                    all += dids
                    progress(String(format: "round %d, %@: %d DIDs, %.0f DIDs/s", round, phase ? "HTTP" : "in process", dids.count, rate))
                }
            }
        } catch {
            await shutDown(httpClients, server)
            throw error
        }
        await shutDown(httpClients, server)

        progress("resolving the \(all.count) DIDs registered…")
        let resolver = DIDChancery.Resolver(chainId: chainId, state: runtime.store)
        let resolved = all.reduce(0) { $0 + (resolver.resolveNow($1).isSuccess ? 1 : 0) }
        let inProcessMedian = BenchmarkStatistics.median(inProcessRates), httpMedian = BenchmarkStatistics.median(httpRates)
        return Result(dids: dids, clients: clients, window: window, keysPerRequest: keysPerRequest, rounds: rounds,
                      inProcessPerSecond: inProcessMedian, httpPerSecond: httpMedian, ratio: httpMedian / inProcessMedian,
                      inProcessRounds: inProcessRates, httpRounds: httpRates, verificationMicrosecondsPerTransaction: perTransaction.signatures,
                      verificationBoundPerSecond: Double(cores) / perTransaction.signatures * 1e6,
                      checkMicrosecondsPerTransaction: perTransaction.statelessCheck,
                      checkBoundPerSecond: Double(cores) / perTransaction.statelessCheck * 1e6,
                      registered: all.count, resolved: resolved, cores: cores)
    }

    /// `dids` registrations shared among the clients, one channel each, timed from the first
    /// certificate request to the last commit.
    private func phase(client: RegistrationClient, channels: [any RegistrationChannel]) async throws -> (Double, [DID]) {
        let shares = (0..<clients).map { dids / clients + ($0 < dids % clients ? 1 : 0) }
        let committed = BenchmarkCounter()
        let (progress, total) = (self.progress, dids)
        let start = ContinuousClock.now
        let registered = try await withThrowingTaskGroup(of: [DID].self) { group in
            for (share, channel) in zip(shares, channels) where share > 0 {
                group.addTask {
                    try await client.register(share, through: channel) {
                        let done = committed.increment()
                        if done % 5_000 == 0 { progress("  committed \(done)/\(total)") }
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return (Double(registered.count) / (ContinuousClock.now - start).seconds, registered)
    }

    private func shutDown(_ clients: [HTTPClient], _ server: BenchmarkServer) async {
        for client in clients { try? await client.shutdown() }
        await server.stop()
    }
}
