import HTTPServer
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// RFC 9110 §15.5.6: a path the node serves, asked with a method it does not take, is 405
/// with `Allow`; a path it does not serve stays 404.
struct MethodNotAllowedTests {
    @Test("a known path with another method is 405 naming the methods it takes in Allow; an unknown path is 404")
    func methodNotAllowed() async throws {
        let fixture = try await NodeFixture()
        try await HTTPTest.server(TestBackend(fixture: fixture)).application().test(.router) { client in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/credentials/verify", .get, "POST"), ("/presentations/verify", .delete, "POST"), ("/healthz", .post, "GET"),
                ("/1.0/identifiers/did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", .put, "GET"),
                ("/credentials/issue", .patch, "POST"), ("/audit/trace", .get, "POST"),
            ]
            for (uri, method, allowed) in cases {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allowed, "\(method) \(uri): \(response.headers)")
                    let body = try HTTPTest.json(response)
                    #expect(body["status"] == .number(405) && body["detail"]?.stringValue?.contains(allowed) == true)
                }
            }
            try await client.execute(uri: "/nowhere", method: .delete) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
