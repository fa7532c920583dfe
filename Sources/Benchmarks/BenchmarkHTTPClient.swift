import AsyncHTTPClient
import NIOCore

/// HTTP clients for the benchmarks that load nodes over HTTP. `HTTPClient.shared` keeps at most
/// 8 connections per host, so with HTTP/1.1 at most 8 requests in flight to a node: a
/// benchmark's clients would measure that limit instead of the node (`bench consortium` did:
/// 226 tx/s, each request answered in about 130 ms).
enum BenchmarkHTTPClient {
    /// A client keeping up to `connections` connections to each host; shut it down after use.
    static func make(connections: Int) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(120))
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
}
