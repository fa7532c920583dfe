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

/// Health, the API description and the web page (metrics: `MetricsRoutesTests`).
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
}
