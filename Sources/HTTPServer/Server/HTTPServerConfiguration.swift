/// Where the node's HTTP server listens and the limits that keep one client from starving the
/// others (`specs/openapi.yaml`, "Limits").
public struct HTTPServerConfiguration: Sendable, Hashable {
    /// The limits every request is held to.
    public struct Limits: Sendable, Hashable {
        /// The largest request body accepted; larger bodies are answered 413.
        public var maximumBodyBytes: Int
        /// Requests one client (one peer IP address) may have in progress; more are answered 429.
        public var maximumConcurrentRequestsPerClient: Int
        /// How long a request that waits (issue, status, audit) may take before it is answered 503.
        public var requestTimeout: Duration
        /// How long a connection may send nothing, between requests or in the middle of one,
        /// before it is closed: a client trickling a request body cannot hold a slot for ever.
        public var idleTimeout: Duration
        /// How long a request may take to arrive, from its first bytes to the end of its body;
        /// a slower one is answered 408 and its connection closed. The idle timeout alone would
        /// let a client trickling a byte every few seconds hold a connection for ever.
        public var requestReadTimeout: Duration
        /// Connections one client (one peer IP address) may hold open; a connection beyond them
        /// is closed as soon as it is accepted.
        public var maximumConnectionsPerClient: Int

        /// Creates limits.
        /// - Parameters:
        ///   - maximumBodyBytes: default 1 MiB.
        ///   - maximumConcurrentRequestsPerClient: default 64.
        ///   - requestTimeout: default 30 seconds.
        ///   - idleTimeout: default 30 seconds.
        ///   - requestReadTimeout: default 30 seconds.
        ///   - maximumConnectionsPerClient: default 128.
        public init(maximumBodyBytes: Int = 1 << 20, maximumConcurrentRequestsPerClient: Int = 64,
                    requestTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(30),
                    requestReadTimeout: Duration = .seconds(30), maximumConnectionsPerClient: Int = 128) {
            self.maximumBodyBytes = maximumBodyBytes
            self.maximumConcurrentRequestsPerClient = maximumConcurrentRequestsPerClient
            self.requestTimeout = requestTimeout
            self.idleTimeout = idleTimeout
            self.requestReadTimeout = requestReadTimeout
            self.maximumConnectionsPerClient = maximumConnectionsPerClient
        }
    }

    /// The host name or address to bind.
    public var host: String
    /// The port to bind; 0 asks the system for a free one, reported once bound.
    public var port: Int
    /// The request limits.
    public var limits: Limits

    /// Creates a configuration.
    /// - Parameters:
    ///   - host: default `127.0.0.1` (local only).
    ///   - port: default 8080; 0 for an ephemeral port.
    ///   - limits: default ``Limits/init(maximumBodyBytes:maximumConcurrentRequestsPerClient:requestTimeout:idleTimeout:requestReadTimeout:maximumConnectionsPerClient:)``.
    public init(host: String = "127.0.0.1", port: Int = 8080, limits: Limits = Limits()) {
        self.host = host
        self.port = port
        self.limits = limits
    }
}
