import Node
import ArgumentParser
import Chain
import Credentials
import Foundation
import KeyCustody
import HTTPServer
import Logging
import Prometheus
import Primitives
import ServiceLifecycle
import UnixSignals

/// `didctl node start [--listen HOST:PORT]`: runs the chain node of the data directory and its
/// HTTP API until SIGINT or SIGTERM, then stops both cleanly (exit 0).
///
/// The node is composed here: the Prometheus metrics backend that the HTTP server and the
/// node's write path record in, and a service group (swift-service-lifecycle) running the
/// orderer, the audit follower and the HTTP server. On SIGTERM or SIGINT the group stops them
/// in reverse order: the server stops accepting and answers the requests in progress (one
/// waiting for a block commit gets its answer), the follower stops, and the orderer commits
/// what is queued; the command then returns and the process exits 0.
struct NodeStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Run the node and its HTTP API until interrupted (SIGINT/SIGTERM).",
        discussion: """
            Request handlers run on the HTTP server's event-loop threads, one per core, so a \
            request is read, verified and answered on one thread. Set CHANCERY_CONCURRENCY_POOL=1 \
            to run them on Swift's own thread pool instead (slower: two thread hand-offs per request).
            """)

    @OptionGroup var global: LocalOptions

    @Option(name: .customLong("listen"), help: "The address to serve HTTP on, HOST:PORT ([::1]:PORT for IPv6; port 0 picks a free one).")
    var listen = "127.0.0.1:8080"

    @Option(name: .customLong("unlock-backoff"),
            help: "Seconds the node waits before trying an account's password or PIN again after it failed to unlock; doubles per further failure, at most 15 minutes or this, whichever is more.")
    var unlockBackoff: Int = 60

    @Flag(name: .customLong("verify-ledger"),
          help: "Before serving, check every block and replay the state, as 'didctl chain verify' does (without it, the newest 64 blocks are checked).")
    var verifiesLedger = false

    @Flag(name: .customLong("approve-membership-requests"),
          help: "Approve each membership request filed with this node with the operator's committee key. For a chain whose committee is the operator alone; with more members, each still approves with 'didctl account approve'.")
    var approvesMembershipRequests = false

    @Option(name: .customLong("context-pins"), help: ArgumentHelp(
        "A JSON file pinning extra JSON-LD contexts for the verifier: [{\"url\": …, \"file\": …, \"sha256\": …}], files relative to it.",
        discussion: "Each file is checked against its SHA-256 at start (a mismatch stops the node). Contexts are never fetched: a credential naming a context neither bundled nor pinned fails with unknownContext."))
    var contextPins: String?

    @Option(name: .customLong("ordering"), help: ArgumentHelp(
        "How transactions are ordered: solo (this node alone) or etcd (a consortium's log in an etcd cluster).",
        discussion: "With etcd, every node reads the same log, cuts the same blocks and signs them; a receipt is sent once a quorum of admitted nodes signed its block (specs/consortium.md)."))
    var ordering = "solo"

    @Option(name: .customLong("etcd-endpoints"), help: "The etcd members' client URLs, comma-separated (http://127.0.0.1:2379,...), for --ordering etcd.")
    var etcdEndpoints: String?

    @Option(name: .customLong("peers"), help: ArgumentHelp(
        "Other consortium nodes' URLs, comma-separated (http://10.0.0.2:8080,...), for --ordering etcd.",
        discussion: "When the log was compacted past this node's next entry (it was down long, or is new), it takes the final blocks it lacks from these peers, checking every hash, Merkle root and quorum signature and replaying them, then reads the log on (specs/consortium.md §3.3)."))
    var peers: String?

    @Option(name: .customLong("log-retention"), help: ArgumentHelp(
        "How many final blocks' log entries to keep, for --ordering etcd (0: never compact the log).",
        discussion: "The node deletes the log's entries and signatures of blocks more than this many below its final height, at most every half as many blocks; a node further behind catches up from --peers."))
    var logRetention: UInt64 = 10_000

    @Option(name: .customLong("requests-per-client"), help: ArgumentHelp(
        "Requests one client (one IP address) may have in progress; more are answered 429.",
        discussion: "Raise it when a gateway or load balancer sends many users' requests from one address. The client may hold twice as many connections (at least 128)."))
    var requestsPerClient = 64

    @Option(name: .customLong("ledger-cache-mib"), help: ArgumentHelp(
        "SQLite's page cache for the ledger's writer, MiB; each reading connection gets an eighth.",
        discussion: "The node's memory grows by up to this much (and the readers' share) as the ledger is read and written, then stays there. A larger cache keeps more of a large ledger's indexes in memory."))
    var ledgerCacheMiB = 64

    @Flag(name: .customLong("vault-serve"), help: ArgumentHelp(
        "Serve this data directory's vault node (vault/served) to other hosts' vault coordinators at POST /vault/requests.",
        discussion: "Only coordinators named by --vault-coordinators are answered; 'didctl vault info' prints this node's ID and transport key for their peer lists (specs/custody-vault.md §9)."))
    var servesVault = false

    @Option(name: .customLong("vault-coordinators"),
            help: "The Ed25519 keys (hex, comma-separated) of the coordinators --vault-serve answers; 'didctl vault info' on each coordinator's data directory prints its key.")
    var vaultCoordinators: String?

    @Option(name: .customLong("membership-node"), help: ArgumentHelp(
        "A node holding the chain's membership-service key, which certifies this node's one-time keys (a node made by 'init --genesis' holds none).",
        discussion: "Needed by a consortium node that records audit queries itself (--audit-member, specs/consortium.md §8)."))
    var membershipNode: String?

    @Option(name: .customLong("audit-member"), help: ArgumentHelp(
        "The account, an admitted member, whose one-time keys carry this node's audit.query records (default: the operator).",
        discussion: "For a node holding the auditor's keys whose data directory has no operator member (made by 'init --genesis'): create the account through a running node of the chain and have the committee approve it (specs/consortium.md §8)."))
    var auditMember: String?

    func validate() throws {
        if let membershipNode, (try? NodeClient(membershipNode)) == nil {
            throw ValidationError("--membership-node must be an http(s) URL such as http://10.0.0.1:8080, not '\(membershipNode)'.")
        }
        if servesVault {
            guard let vaultCoordinators, (try? Self.coordinatorKeys(vaultCoordinators)) != nil else {
                throw ValidationError("--vault-serve needs --vault-coordinators KEY[,KEY…]: the coordinators' Ed25519 keys, 64 hex digits each.")
            }
        } else if vaultCoordinators != nil {
            throw ValidationError("--vault-coordinators applies to --vault-serve only.")
        }
        guard (1...65_536).contains(ledgerCacheMiB) else { throw ValidationError("--ledger-cache-mib is from 1 to 65536, not \(ledgerCacheMiB).") }
        guard (1...100_000).contains(requestsPerClient) else { throw ValidationError("--requests-per-client is from 1 to 100000, not \(requestsPerClient).") }
        guard ["solo", "etcd"].contains(ordering) else { throw ValidationError("--ordering is 'solo' or 'etcd', not '\(ordering)'.") }
        if ordering == "etcd" {
            guard let etcdEndpoints, !Self.endpoints(etcdEndpoints).isEmpty else {
                throw ValidationError("--ordering etcd needs --etcd-endpoints URLS (http://HOST:PORT, comma-separated).")
            }
        } else if etcdEndpoints != nil || peers != nil {
            throw ValidationError("--etcd-endpoints and --peers apply to --ordering etcd only.")
        }
        if let peers, Self.endpoints(peers).isEmpty { throw ValidationError("--peers is URLS (http://HOST:PORT, comma-separated).") }
        guard Self.address(listen) != nil else { throw ValidationError("--listen must be HOST:PORT with a port from 0 to 65535, such as 127.0.0.1:8080.") }
        guard global.nodeURL == nil else { throw ValidationError("node start runs the node of the data directory; --node is not supported.") }
        guard (1...86_400).contains(unlockBackoff) else { throw ValidationError("--unlock-backoff must be 1 to 86400 seconds.") }
    }

    func run() async throws {
        // Under a file size limit (RLIMIT_FSIZE) a write past it would kill the process with
        // SIGXFSZ; ignored, the write fails (EFBIG) and the node answers 507 naming the limit.
        signal(SIGXFSZ, SIG_IGN)
        var directory = DataDirectory(url: global.resolvedDataDirectory)
        directory.ledgerCacheKiB = ledgerCacheMiB * 1_024
        directory.vaultTransport = VaultHTTPTransport.exchange(for:)
        guard directory.isInitialised else { throw DidctlFailure("No chain in \(directory.url.path): run 'didctl init' or pass --data-dir.") }
        // Before anything opens the ledger for writing: a damaged file is left exactly as found.
        let progress = ProgressLine(enabled: verifiesLedger && !global.json, label: "verifying blocks")
        try directory.checkLedger(everything: verifiesLedger) { height, head in progress.update(Int(height + 1), of: Int(head + 1)) }
        progress.finish()
        // Before the ledger is opened for writing: a wrong pin stops the node with nothing started.
        let contexts = try contextPins.map { path in
            do { return try LinkedDataContexts(pinsFile: path) } catch let error as CredentialsError { throw DidctlFailure(error.reason) }
        } ?? .bundled
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = MetricsExporter.durationBuckets
        var configuration = ChainNode.Configuration()
        if ordering == "etcd", let etcdEndpoints {
            configuration.logOrdering = try ConsortiumOrdering.setting(directory: directory, endpoints: Self.endpoints(etcdEndpoints),
                                                                       peers: peers.map(Self.endpoints) ?? [],
                                                                       retention: logRetention == 0 ? nil : logRetention, metrics: factory)
        }
        if membershipNode != nil, directory.hasKey("membership") {
            throw DidctlFailure("This data directory holds the chain's membership-service key; --membership-node is for a node without it (made by 'init --genesis').")
        }
        if auditMember != nil, !directory.hasKey("auditor") {
            throw DidctlFailure("--audit-member applies to a node holding the auditor's keys (keys/auditor*.key); this data directory has none.")
        }
        let runtime = try NodeRuntime(directory: directory, configuration: configuration, unlockBackoff: VaultLockoutPolicy(
            maxConsecutiveFailures: 1, baseDelay: TimeInterval(unlockBackoff), maxDelay: TimeInterval(max(unlockBackoff, 900))),
            contexts: contexts, remoteMembership: try membershipNode.map(MembershipHTTPCertifier.service(url:)))
        // Also when a service fails to start (the address is taken): stopping twice is harmless.
        defer { runtime.node.shutdown() }
        // Unlocked before serving, so a wrong password stops the node at once.
        var auditCustody: AccountCustody?
        if let auditMember { auditCustody = try await runtime.custodian(account: auditMember) }
        let metrics = MetricsExporter(factory: factory, contentType: MetricsExporter.prometheusText) { registry.emitToBuffer() }
        if approvesMembershipRequests {
            // Checked before serving: a node that cannot approve must not say it will.
            _ = try directory.operatorCommitteeKey()
        }
        // validate() lets --vault-coordinators through with --vault-serve only.
        let servedVault = try vaultCoordinators.map { keys in
            VaultNodeService(node: try directory.servedVaultNode(), coordinators: try Self.coordinatorKeys(keys))
        }
        let backend = try ChainNodeBackend(runtime: runtime, metrics: factory, approvesMembershipRequests: approvesMembershipRequests,
                                           servedVault: servedVault, auditMember: auditCustody.map { ($0.custodian, $0.memberKey) })
        let (host, port) = Self.address(listen)!
        let server = NodeHTTPServer(backend: backend, configuration: HTTPServerConfiguration(
            host: host, port: port,
            limits: .init(maximumConcurrentRequestsPerClient: requestsPerClient, maximumConnectionsPerClient: max(128, 2 * requestsPerClient))), metrics: metrics)
        let json = global.json
        let http = server.service { url in
            // One line, written unbuffered, so a script reading the pipe sees it at once.
            let line = json ? (try? JSONSerialization.data(withJSONObject: ["url": url.absoluteString], options: [.withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "{}" : "Chancery node serving on \(url) (Ctrl-C to stop)."
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        // The group logs only at debug level; standard output carries the URL line alone.
        let logger = Logger(label: "chancery.node") { StreamLogHandler.standardError(label: $0) }
        // Shut down in reverse order: the server first, the orderer last.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [ChainNodeService(node: runtime.node), AuditFollowerService(backend: backend), http],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        if !json { FileHandle.standardError.write(Data("Node stopped.\n".utf8)) }
    }

    /// Comma-separated URLs, blanks dropped.
    static func endpoints(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { URL(string: $0)?.host != nil }
    }

    /// HOST:PORT, with IPv6 hosts in brackets.
    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : (host, port)
    }

    /// The Ed25519 keys of `--vault-coordinators`.
    static func coordinatorKeys(_ text: String) throws -> Set<Ed25519PublicKey> {
        let keys = try text.split(separator: ",").map { try Ed25519PublicKey(rawRepresentation: Hex.decode(String($0).trimmingCharacters(in: .whitespaces))) }
        guard !keys.isEmpty else { throw ValidationError("--vault-coordinators names no key.") }
        return Set(keys)
    }
}
