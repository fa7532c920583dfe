@testable import HTTPServer
import Hummingbird
import HummingbirdTesting
import NIOHTTP1
import Primitives
import Testing

/// Every error a route throws leaves as a problem with the status its cause deserves.
struct ProblemMiddlewareTests {
    struct Unforeseen: Error {}

    /// A router whose routes each throw one kind of error behind the middleware under test.
    static func application() -> some ApplicationProtocol {
        let router = Router(context: NodeRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.get("/ours") { _, _ -> Response in throw HTTPServerError(.tooManyRequests, "Slow down.") }
        router.get("/cut-short") { _, _ -> Response in throw HTTPParserError.invalidEOFState }
        router.get("/not-http") { _, _ -> Response in throw HTTPParserError.invalidHeaderToken }
        router.get("/unforeseen") { _, _ -> Response in throw Unforeseen() }
        return Application(router: router)
    }

    @Test("a request whose bytes broke off or were not HTTP is a 400 problem, not a 500")
    func parserErrorsAreTheClientsFault() async throws {
        try await Self.application().test(.router) { client in
            for path in ["/cut-short", "/not-http"] {
                try await client.execute(uri: path, method: .get) { response in
                    try HTTPTest.expectProblem(response, 400)
                    #expect(HTTPTest.parsed(response)["type"] == "urn:chancery:problem:malformed-request")
                }
            }
        }
    }

    @Test("our own errors keep their status and headers; anything unforeseen is a 500 that says nothing of its cause")
    func ownAndUnforeseenErrors() async throws {
        try await Self.application().test(.router) { client in
            try await client.execute(uri: "/ours", method: .get) { response in
                try HTTPTest.expectProblem(response, 429)
                #expect(response.headers[.retryAfter] == "1")
                #expect(HTTPTest.parsed(response)["detail"] == "Slow down.")
            }
            try await client.execute(uri: "/unforeseen", method: .get) { response in
                try HTTPTest.expectProblem(response, 500)
                #expect(!HTTPTest.text(response).contains("Unforeseen"))
            }
        }
    }
}
