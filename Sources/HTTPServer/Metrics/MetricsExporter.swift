public import Metrics

/// Where the node records its metrics and how `GET /metrics` shows them.
///
/// The server records through the swift-metrics API only; the backend is chosen by whoever
/// composes the node (`didctl node start` picks swift-prometheus). The factory is passed in,
/// never taken from the process-wide `MetricsSystem`, so two servers in one process (parallel
/// tests) keep their figures apart.
///
/// ```swift
/// let registry = PrometheusCollectorRegistry()
/// var factory = PrometheusMetricsFactory(registry: registry)
/// factory.durationHistogramBuckets = MetricsExporter.durationBuckets
/// let exporter = MetricsExporter(factory: factory, contentType: MetricsExporter.prometheusText) { registry.emitToBuffer() }
/// let server = NodeHTTPServer(backend: backend, metrics: exporter)
/// ```
public struct MetricsExporter: Sendable {
    /// The media type of the Prometheus text exposition format 0.0.4.
    public static let prometheusText = "text/plain; version=0.0.4; charset=utf-8"

    /// The bucket bounds the node's timers are meant to be read with, by metric name, for a
    /// backend that keeps histograms (swift-prometheus's `durationHistogramBuckets`). Requests
    /// take well under a millisecond, below the default buckets' first bound of 5 ms.
    public static let durationBuckets: [String: [Duration]] = [
        NodeMetrics.duration: [.microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2_500), .milliseconds(5),
                               .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                               .milliseconds(500), .seconds(1), .microseconds(2_500_000), .seconds(5), .seconds(10)],
    ]

    /// Records nothing, and the server has no `GET /metrics`.
    public static let disabled = MetricsExporter(factory: NOOPMetricsHandler.instance, contentType: "", exposition: nil)

    /// What the server's metrics are created with.
    public let factory: any MetricsFactory
    /// The media type of the exposition.
    let contentType: String
    /// Renders the backend's current figures; `nil` when there is nothing to serve.
    let exposition: (@Sendable () -> [UInt8])?

    /// Creates an exporter.
    /// - Parameters:
    ///   - factory: the backend every metric of the server is created with.
    ///   - contentType: the media type `GET /metrics` answers with, such as ``prometheusText``.
    ///   - exposition: renders the backend's figures for `GET /metrics`.
    public init(factory: any MetricsFactory, contentType: String, exposition: @escaping @Sendable () -> [UInt8]) {
        self.init(factory: factory, contentType: contentType, exposition: Optional(exposition))
    }

    private init(factory: any MetricsFactory, contentType: String, exposition: (@Sendable () -> [UInt8])?) {
        self.factory = factory
        self.contentType = contentType
        self.exposition = exposition
    }
}
