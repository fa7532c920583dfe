import Chain
import Node
import Metrics

/// The node's HTTP metric families and what the server records in them, through the
/// swift-metrics API and the factory the server was given (``MetricsExporter``).
struct NodeMetrics: Sendable {
    static let requests = "chancery_http_requests_total"
    static let duration = "chancery_http_request_duration_seconds"
    static let verifications = "chancery_verifications_total"
    static let height = "chancery_chain_height"
    static let blocks = "chancery_chain_blocks_committed_total"
    static let commit = "chancery_chain_last_commit_seconds"
    static let sqliteMemory = "chancery_sqlite_memory_bytes"

    /// The methods the API knows; any other is counted as `OTHER`, so a client cannot add a
    /// series for every method name it makes up.
    private static let methods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    private struct RequestSeries: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct VerificationSeries: Hashable {
        let kind: String
        let result: String
    }

    let factory: any MetricsFactory
    // Creating a swift-metrics handle asks the backend for it (a lock and a dictionary keyed by
    // name and labels there); the handles of each series are made once and kept.
    private let requestHandles = MetricHandles<RequestSeries, (count: Counter, duration: Timer)>()
    private let routeTimers = MetricHandles<String, Timer>()
    private let verificationCounters = MetricHandles<VerificationSeries, Counter>()
    private let chain = ChainFigures()

    init(factory: any MetricsFactory) { self.factory = factory }

    /// Counts an answered request and records how long it took.
    /// - Parameters:
    ///   - route: the route template (not the path, so DIDs and ids do not each make a series).
    ///   - nanoseconds: the time from the request's arrival to its response.
    func request(route: String, method: String, status: Int, nanoseconds: Int64) {
        let method = Self.methods.contains(method) ? method : "OTHER"
        let handles = requestHandles.handles(for: RequestSeries(route: route, method: method, status: status)) {
            (Counter(label: Self.requests, dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory),
             routeTimers.handles(for: route) { Timer(label: Self.duration, dimensions: [("route", route)], factory: factory) })
        }
        handles.count.increment()
        handles.duration.recordNanoseconds(nanoseconds)
    }

    /// Counts a credential or presentation verification by its verdict.
    func verification(kind: String, verdict: VerificationVerdict) {
        let result = switch verdict {
        case .verified: "verified"
        case .notVerified: "not_verified"
        case .malformed: "malformed"
        }
        verificationCounters.handles(for: VerificationSeries(kind: kind, result: result)) {
            Counter(label: Self.verifications, dimensions: [("kind", kind), ("result", result)], factory: factory)
        }.increment()
    }

    /// Brings the chain's figures up to `health`, just before an exposition: they are the
    /// orderer's own counts, read when asked for rather than recorded on every commit.
    func record(_ health: NodeHealth) {
        Gauge(label: Self.height, factory: factory).record(Double(health.height))
        let added = chain.blocksAdded(health.blocksCommitted)
        Counter(label: Self.blocks, factory: factory).increment(by: added)
        if let seconds = health.lastCommitSeconds { Gauge(label: Self.commit, factory: factory).record(seconds) }
        Gauge(label: Self.sqliteMemory, factory: factory).record(Double(SQLiteMemory.bytesInUse))
    }
}
