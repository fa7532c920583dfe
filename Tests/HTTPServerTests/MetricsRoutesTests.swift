import Chain
import ChainTestSupport
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import Metrics
import NIOCore
import Primitives
import Prometheus
import Testing

/// `GET /metrics` through swift-metrics and the Prometheus backend passed to the server: each
/// server gets its own registry, never the process-wide `MetricsSystem`.
struct MetricsRoutesTests {
    /// A server recording in a fresh Prometheus registry, as `didctl node start` composes it.
    static func server(_ backend: TestBackend) -> NodeHTTPServer {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = MetricsExporter.durationBuckets
        let exporter = MetricsExporter(factory: factory, contentType: MetricsExporter.prometheusText) { registry.emitToBuffer() }
        return NodeHTTPServer(backend: backend, configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0), metrics: exporter)
    }

    @Test("metrics parse as Prometheus text, and request and verification counters move")
    func metrics() async throws {
        let fixture = try await NodeFixture()
        try await Self.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            for id in ["good", "good", "bad"] {
                try await client.execute(uri: "/credentials/verify", method: .post, body: HTTPTest.body(["verifiableCredential": ["id": .string(id)]]))
            }
            try await client.execute(uri: "/nowhere", method: .get)
            let text = try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return HTTPTest.text(response)
            }
            let samples = try Self.parse(text)
            #expect(samples["chancery_http_requests_total{route=\"/credentials/verify\",method=\"POST\",status=\"200\"}"] == 2)
            #expect(samples["chancery_http_requests_total{route=\"/credentials/verify\",method=\"POST\",status=\"422\"}"] == 1)
            #expect(samples["chancery_http_requests_total{route=\"NotFound\",method=\"GET\",status=\"404\"}"] == 1)
            #expect(samples["chancery_verifications_total{kind=\"credential\",result=\"verified\"}"] == 2)
            #expect(samples["chancery_verifications_total{kind=\"credential\",result=\"not_verified\"}"] == 1)
            #expect(samples["chancery_http_request_duration_seconds_count{route=\"/credentials/verify\"}"] == 3)
            #expect(samples["chancery_http_request_duration_seconds_bucket{route=\"/credentials/verify\",le=\"+Inf\"}"] == 3)
            #expect(samples["chancery_http_request_duration_seconds_bucket{route=\"/credentials/verify\",le=\"0.00025\"}"] != nil,
                    "the request buckets start below a millisecond")
            #expect(samples["chancery_chain_height"] == Double(fixture.chain.node.head.height))
            #expect(samples["chancery_chain_last_commit_seconds"] == 0.002)
            // SQLite's own count of the memory it holds in this process (a node's test with a
            // real ledger checks its value: GracefulShutdownTests).
            #expect(samples["chancery_sqlite_memory_bytes"] != nil)
            for family in ["chancery_http_requests_total", "chancery_http_request_duration_seconds", "chancery_verifications_total",
                           "chancery_chain_height", "chancery_chain_blocks_committed_total", "chancery_chain_last_commit_seconds",
                           "chancery_sqlite_memory_bytes"] {
                #expect(text.contains("# TYPE \(family) "), "\(family)")
            }
        }
    }

    @Test("the blocks-committed counter follows the orderer's total across scrapes and never goes back")
    func blocksCounter() async throws {
        let fixture = try await NodeFixture()
        try await Self.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            let scrape = { try await client.execute(uri: "/metrics", method: .get) { try Self.parse(HTTPTest.text($0)) } }
            let before = try #require(try await scrape()["chancery_chain_blocks_committed_total"])
            #expect(before == Double(fixture.chain.node.statistics.blocks))
            _ = try await fixture.chain.node.submit(try await fixture.chain.put("one more block"))
            #expect(try await scrape()["chancery_chain_blocks_committed_total"] == before + 1)
            #expect(try await scrape()["chancery_chain_blocks_committed_total"] == before + 1)
        }
    }

    @Test("two servers in one process keep their figures apart; a server without an exporter has no /metrics")
    func separateRegistries() async throws {
        let fixture = try await NodeFixture()
        let (first, second) = (Self.server(TestBackend(fixture: fixture)), Self.server(TestBackend(fixture: fixture)))
        try await first.application().test(.router) { client in
            for _ in 0..<3 { try await client.execute(uri: "/healthz", method: .get) }
        }
        try await second.application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get)
            let samples = try await client.execute(uri: "/metrics", method: .get) { try Self.parse(HTTPTest.text($0)) }
            #expect(samples["chancery_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"] == 1)
        }
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a method the API does not know is counted as OTHER, so made-up methods add no series")
    func unknownMethod() async throws {
        try await Self.server(TestBackend(fixture: try await NodeFixture())).application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .init("BREW")!)
            try await client.execute(uri: "/healthz", method: .init("WHEN")!)
            let text = try await client.execute(uri: "/metrics", method: .get) { HTTPTest.text($0) }
            #expect(!text.contains("BREW") && !text.contains("WHEN"))
            #expect(text.contains(#"method="OTHER""#))
        }
    }

    /// Reads the exposition text: every line is a comment or `name{labels} value`; returns the
    /// samples by series, failing on any other line.
    static func parse(_ text: String) throws -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            let value = try #require(parts.count == 2 ? (parts[1] == "+Inf" ? Double.infinity : Double(parts[1])) : nil, "bad line: \(line)")
            #expect(parts[0].wholeMatch(of: /[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"]*",?)*\})?/) != nil, "bad series: \(line)")
            samples[String(parts[0])] = value
        }
        return samples
    }
}
