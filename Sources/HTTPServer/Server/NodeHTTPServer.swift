public import Node
public import Foundation
package import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
public import ServiceLifecycle

/// The node's HTTP API (`specs/openapi.yaml`): the W3C VC API verifier and issuer endpoints,
/// the Universal Resolver binding, audit queries, health, metrics and the API description,
/// as thin handlers over a ``NodeBackend``.
///
/// ```swift
/// let server = NodeHTTPServer(backend: backend, configuration: HTTPServerConfiguration(port: 0))
/// try await server.run { url in print("listening on \(url)") }   // returns after SIGINT/SIGTERM
/// ```
///
/// Beside other services (the node's orderer, the audit follower), ``service(onListening:)``
/// runs it in a swift-service-lifecycle `ServiceGroup` that owns the shutdown signals.
public struct NodeHTTPServer: Sendable {
    /// Where the server listens and its limits.
    public let configuration: HTTPServerConfiguration
    let backend: any NodeBackend
    /// What the server records in, and what `GET /metrics` serves.
    let exporter: MetricsExporter
    let metrics: NodeMetrics
    let limiter: ClientConcurrencyLimiter
    /// Each client's open connections, held to ``HTTPServerConfiguration/Limits/maximumConnectionsPerClient``.
    let connections: ClientConcurrencyLimiter
    /// The folder served at `/`, if the web page is installed beside the executable.
    let webRoot: String?

    /// Creates the server; nothing listens until ``run(onListening:)`` or its ``service(onListening:)`` runs.
    /// - Parameters:
    ///   - backend: what the endpoints answer from.
    ///   - configuration: address and limits.
    ///   - metrics: the metrics backend and its exposition; by default nothing is recorded and
    ///     there is no `GET /metrics`.
    public init(backend: any NodeBackend, configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                metrics: MetricsExporter = .disabled) {
        self.init(backend: backend, configuration: configuration, webRoot: WebRoot.locate(), metrics: metrics)
    }

    package init(backend: any NodeBackend, configuration: HTTPServerConfiguration, webRoot: String?, metrics: MetricsExporter = .disabled) {
        self.backend = backend
        self.configuration = configuration
        self.webRoot = webRoot
        exporter = metrics
        self.metrics = NodeMetrics(factory: metrics.factory)
        limiter = ClientConcurrencyLimiter(limit: configuration.limits.maximumConcurrentRequestsPerClient)
        connections = ClientConcurrencyLimiter(limit: configuration.limits.maximumConnectionsPerClient)
    }

    /// Binds the address and serves until the process receives SIGINT or SIGTERM, then finishes
    /// the requests in progress and returns.
    /// - Parameter onListening: called once bound, with the server's base URL (the actual port
    ///   when the configuration asked for port 0).
    /// - Throws: when the address cannot be bound.
    public func run(onListening: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).runService()
    }

    /// The server as a service, for a `ServiceGroup` that also runs the node's other services
    /// and owns the shutdown signals. On graceful shutdown it stops accepting connections,
    /// lets the requests in progress finish (one waiting for a block commit gets its answer),
    /// closes idle connections, and returns.
    /// - Parameter onListening: called once bound, with the server's base URL.
    /// - Returns: a service that binds the address when run; running it throws when the
    ///   address cannot be bound.
    public func service(onListening: @escaping @Sendable (URL) async -> Void = { _ in }) -> some Service {
        application(onListening: onListening)
    }

    /// The Hummingbird application, for in-process tests.
    package func application(onListening: @escaping @Sendable (URL) async -> Void = { _ in })
        -> Application<RouterResponder<NodeRequestContext>> {
        let logger = Logger(label: "chancery.http") { NodeLogHandler(label: $0) }
        let host = configuration.host
        let (connections, read) = (connections, Self.timeAmount(configuration.limits.requestReadTimeout))
        // Per connection: its client's connection slot, and the read deadline of its requests.
        let channel = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ClientConnectionLimitHandler(slots: connections), RequestReadDeadlineHandler(timeout: read)],
            idleTimeout: Self.timeAmount(configuration.limits.idleTimeout))
        return Application(
            router: router(),
            server: .http1(configuration: channel),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: "Chancery"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(shown):\(port)") { await onListening(url) }
            },
            logger: logger)
    }

    /// A `Duration` as SwiftNIO's `TimeAmount`.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Every route, behind the metrics and problem middleware (outermost first).
    package func router() -> Router<NodeRequestContext> {
        let router = Router(context: NodeRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware())
        // The page's few files are read once and served from memory: a file middleware would
        // look at the disk for every API request before routing it.
        if let webRoot { addStaticRoutes(to: router, from: webRoot) }
        addCredentialRoutes(to: router)
        addResolverRoutes(to: router)
        addAuditRoutes(to: router)
        addVaultRoutes(to: router)
        addTransactionRoutes(to: router)
        addSessionRoutes(to: router)
        addRegistrarRoutes(to: router)
        addRegistryRoutes(to: router)
        addOperationsRoutes(to: router)
        addMethodNotAllowedRoutes(to: router)
        return router
    }

    /// Registers a handler held to the limits: 429 when the client already has its share of
    /// requests in progress, and for a route that waits (for a block to commit, a keystore to
    /// unlock) 503 when the handler misses the deadline. The client's slot is returned when the
    /// handler's work ends, not at the deadline, so work abandoned by a timed out request still
    /// counts against the client that sent it.
    ///
    /// Verification and resolution are bounded work on local state that a deadline could not
    /// interrupt; answering 503 would only discard their result, and running them in a task of
    /// their own would cost two thread hand-offs per request. They pass `waits: false`.
    func on(_ router: Router<NodeRequestContext>, _ method: HTTPRequest.Method, _ path: RouterPath, waits: Bool = true,
            _ handler: @escaping @Sendable (Request, NodeRequestContext) async throws -> Response) {
        let (timeout, limiter) = (configuration.limits.requestTimeout, limiter)
        router.on(path, method: method) { request, context in
            let client = context.clientKey
            guard limiter.acquire(client) else {
                throw HTTPServerError(.tooManyRequests, "Too many requests in progress from this client; retry when one has been answered.")
            }
            guard waits else {
                defer { limiter.release(client) }
                return try await handler(request, context)
            }
            return try await Deadline.run(within: timeout) {
                defer { limiter.release(client) }
                return try await handler(request, context)
            }
        }
    }
}
