import Credentials
import HTTPServer
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// `POST /challenges` over the node's bounded challenge store.
struct ChallengeRoutesTests {
    @Test("POST /challenges answers 429 with Retry-After once the store holds its cap of unanswered challenges")
    func fullStoreIsTooManyRequests() async throws {
        let backend = TestBackend(fixture: try await NodeFixture(), challenges: InMemoryChallengeStore(maximumLive: 2))
        try await HTTPTest.server(backend).application().test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/challenges", method: .post) { response in
                    #expect(response.status == .ok)
                    #expect(HTTPTest.parsed(response)["challenge"]?.stringValue?.count == 22)
                }
            }
            try await client.execute(uri: "/challenges", method: .post) { response in
                try HTTPTest.expectProblem(response, 429)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }
}
