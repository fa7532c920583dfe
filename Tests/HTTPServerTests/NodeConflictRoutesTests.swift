import HTTPServer
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// A conflict inside the node (issuances or status changes of one issuer racing) is never
/// answered as the client's fault: 503 with Retry-After, not 422 or 403.
struct NodeConflictRoutesTests {
    @Test("an issuance or status change the node could not complete answers 503 with Retry-After")
    func unavailable() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        try await HTTPTest.server(backend).application().test(.router) { client in
            let issue: JSONValue = ["credential": ["credentialSubject": ["id": "did:example:1", "busy": true]]]
            try await client.execute(uri: "/credentials/issue", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(issue)) { response in
                try HTTPTest.expectProblem(response, 503)
                #expect(response.headers[.retryAfter] == "1")
            }
            try await client.execute(uri: "/credentials/status", method: .post, headers: [.authorization: "Bearer issuer-token"],
                                     body: HTTPTest.body(["credentialId": "urn:uuid:busy", "purpose": "revocation", "value": true])) { response in
                try HTTPTest.expectProblem(response, 503)
                #expect(response.headers[.retryAfter] == "1")
            }
        }
        #expect(backend.issued.isEmpty)
    }
}
