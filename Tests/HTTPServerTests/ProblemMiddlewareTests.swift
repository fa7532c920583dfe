@testable import HTTPServer
import Hummingbird
import HummingbirdTesting
import Logging
import NIOHTTP1
import Synchronization
import Primitives
import Testing

/// Every error a route throws leaves as a problem with the status its cause deserves.
struct ProblemMiddlewareTests {
    struct Unforeseen: Error {}

    /// A router whose routes each throw one kind of error behind the middleware under test.
    static func application(log: Lines = Lines()) -> some ApplicationProtocol {
        let router = Router(context: NodeRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.get("/ours") { _, _ -> Response in throw HTTPServerError(.tooManyRequests, "Slow down.") }
        router.get("/cut-short") { _, _ -> Response in throw HTTPParserError.invalidEOFState }
        router.get("/not-http") { _, _ -> Response in throw HTTPParserError.invalidHeaderToken }
        router.get("/unforeseen") { _, _ -> Response in throw Unforeseen() }
        router.get("/keystore") { _, _ -> Response in
            throw HTTPServerError.nodeFailure("The password does not unlock the keystore /srv/chancery/accounts/university.keystore.")
        }
        return Application(router: router, logger: Logger(label: "chancery.http") { NodeLogHandler(label: $0, write: log.append) })
    }

    /// The lines a test's server logs.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: String { lines.withLock { $0.joined() } }
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

    @Test("a node failure answers a generic 500 naming a request id; the detail (a server path) is only in the log line with that id")
    func nodeFailureDetailStaysInTheLog() async throws {
        let log = Lines()
        try await Self.application(log: log).test(.router) { client in
            for path in ["/keystore", "/unforeseen"] {
                try await client.execute(uri: path, method: .get) { response in
                    try HTTPTest.expectProblem(response, 500)
                    let text = HTTPTest.text(response)
                    #expect(!text.contains("/srv") && !text.contains("keystore") && !text.contains("Unforeseen"), "\(text)")
                    let id = try #require(HTTPTest.parsed(response)["requestId"]?.stringValue)
                    #expect(HTTPTest.parsed(response)["detail"]?.stringValue?.contains(id) == true)
                    let line = log.all.split(separator: "\n").first { $0.contains("hb.request.id=\(id)") }.map(String.init) ?? ""
                    #expect(line.contains(path == "/keystore" ? "/srv/chancery/accounts/university.keystore" : "Unforeseen"), "log: \(log.all)")
                }
            }
        }
    }
}
