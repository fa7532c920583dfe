import Node
import Chain
import ChainTestSupport
import DID
import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import KeyCustody
import NIOCore
import Primitives
import Testing

/// Shared helpers: a server over a test backend, JSON bodies, and reading responses.
enum HTTPTest {
    /// The server under test; the web page is served from the source folder.
    static func server(_ backend: any NodeBackend, limits: HTTPServerConfiguration.Limits = .init()) -> NodeHTTPServer {
        NodeHTTPServer(backend: backend, configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, limits: limits),
                       webRoot: sourcesRoot.appendingPathComponent("Sources/HTTPServer/Web").path)
    }

    /// The repository root, found from this file.
    static let sourcesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func body(_ value: JSONValue) -> ByteBuffer { ByteBuffer(bytes: value.serialized()) }
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The response body parsed as JSON.
    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONValue(parsing: Array(response.body.readableBytesView))
    }

    /// The response body parsed as JSON, or `null` when it is not JSON (for use inside `#expect`).
    static func parsed(_ response: TestResponse) -> JSONValue { (try? json(response)) ?? .null }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// Checks the RFC 9457 shape: media type, the four members, `status` equal to the status.
    static func expectProblem(_ response: TestResponse, _ status: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(Int(response.status.code) == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = try json(response)
        // Ours, or DID Resolution's error URLs on the resolver's problems.
        let type = problem["type"]?.stringValue ?? ""
        #expect(type.hasPrefix("urn:chancery:problem:") || type.hasPrefix("https://www.w3.org/ns/did#"), sourceLocation: sourceLocation)
        #expect(problem["title"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["detail"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["status"] == .number(Double(status)), sourceLocation: sourceLocation)
    }
}
