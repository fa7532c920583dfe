import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Primitives
import Testing

/// Health, metrics, the API description and the web page.
struct OperationsRoutesTests {
    @Test("healthz reports the chain head")
    func health() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try HTTPTest.json(response)
                #expect(body["status"] == "ok" && body["chainId"]?.stringValue == fixture.chain.chainId)
                #expect(body["height"] == .number(Double(fixture.chain.node.head.height)))
            }
        }
    }

    @Test("metrics parse as Prometheus text, and request and verification counters move")
    func metrics() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
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
            #expect(samples["chancery_chain_height"] == Double(fixture.chain.node.head.height))
            #expect(samples["chancery_chain_last_commit_seconds"] == 0.002)
            for family in ["chancery_http_requests_total", "chancery_http_request_duration_seconds", "chancery_verifications_total",
                           "chancery_chain_height", "chancery_chain_last_commit_seconds"] {
                #expect(text.contains("# TYPE \(family) "))
            }
        }
    }

    @Test("GET /openapi.yaml serves exactly specs/openapi.yaml")
    func openAPI() async throws {
        let file = try String(contentsOf: HTTPTest.sourcesRoot.appendingPathComponent("specs/openapi.yaml"), encoding: .utf8)
        try await HTTPTest.server(TestBackend(fixture: try await NodeFixture())).application().test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/yaml")
                #expect(HTTPTest.text(response) == file)
            }
        }
    }

    @Test("GET / serves the verifier page from the Web folder")
    func webPage() async throws {
        try await HTTPTest.server(TestBackend(fixture: try await NodeFixture())).application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(HTTPTest.text(response).contains(#"<script src="/app.js">"#))
            }
            try await client.execute(uri: "/app.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(HTTPTest.text(response).contains("/credentials/verify"))
            }
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
