import Node

/// The node's metric families and what the server records in them.
struct NodeMetrics: Sendable {
    static let requests = "chancery_http_requests_total"
    static let duration = "chancery_http_request_duration_seconds"
    static let verifications = "chancery_verifications_total"
    static let height = "chancery_chain_height"
    static let blocks = "chancery_chain_blocks_committed_total"
    static let commit = "chancery_chain_last_commit_seconds"

    let registry = MetricsRegistry(families: [
        .init(name: requests, help: "HTTP requests answered, by route, method and status.", kind: .counter),
        .init(name: duration, help: "Time to answer HTTP requests, by route.", kind: .histogram,
              buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
        .init(name: verifications, help: "Credential and presentation verifications, by kind and result.", kind: .counter),
        .init(name: height, help: "Height of the last committed block.", kind: .gauge),
        .init(name: blocks, help: "Blocks committed since the node started.", kind: .counter),
        .init(name: commit, help: "Duration of the most recent block commit (build and store), in seconds.", kind: .gauge),
    ])

    func request(route: String, method: String, status: Int, seconds: Double) {
        registry.increment(Self.requests, ["route": route, "method": method, "status": String(status)])
        registry.observe(Self.duration, ["route": route], seconds)
    }

    func verification(kind: String, verdict: VerificationVerdict) {
        let result = switch verdict {
        case .verified: "verified"
        case .notVerified: "not_verified"
        case .malformed: "malformed"
        }
        registry.increment(Self.verifications, ["kind": kind, "result": result])
    }

    /// The exposition text, with the chain gauges of `health`.
    func exposition(health: NodeHealth) -> String {
        var gauges = [Self.height: Double(health.height), Self.blocks: Double(health.blocksCommitted)]
        if let seconds = health.lastCommitSeconds { gauges[Self.commit] = seconds }
        return registry.exposition(gauges: gauges)
    }
}
