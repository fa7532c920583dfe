import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTPServer
import Hummingbird
import HummingbirdTesting
import Primitives
import Testing

/// Large verification bodies run off the event loops, so a costly verification cannot hold
/// the loops that answer everyone else (two parallel 65 KB requests held `/healthz` for 20 s).
struct VerificationOffloadTests {
    /// Each request on its own connection, as separate clients would send them.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    static func status(_ url: URL, body: JSONValue? = nil) async throws -> Int {
        var request = URLRequest(url: url, timeoutInterval: 60)
        if let body {
            request.httpMethod = "POST"
            request.httpBody = Data(body.serialized())
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test("/healthz answers while verifications of large bodies hold their threads; small bodies stay where they were read")
    func healthzWhileHeld() async throws {
        let gate = ThreadGate()
        let backend = TestBackend(fixture: try await NodeFixture(), blocking: gate)
        // One more held verification than there are cores: on the event loops (or the
        // cooperative pool) they would leave no thread for /healthz.
        let holders = ProcessInfo.processInfo.activeProcessorCount + 1
        let large: JSONValue = ["verifiableCredential": ["id": "good"], "options": ["padding": .string(String(repeating: "x", count: 40_000))]]
        try await HTTPTest.server(backend).application().test(.live) { client in
            let port = try #require(client.port)
            let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
            let verify = base.appendingPathComponent("credentials/verify")
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<holders { group.addTask { try await Self.status(verify, body: large) } }
                while gate.held == 0 { try await Task.sleep(for: .milliseconds(5)) }
                let health = try await Self.status(base.appendingPathComponent("healthz"))
                gate.open()
                #expect(health == 200)
                for try await status in group { #expect(status == 200) }
            }
            #expect(!gate.timedOut, "/healthz was not answered while the verification held its thread")
            #expect(backend.offloaded == holders)
            #expect(try await Self.status(verify, body: ["verifiableCredential": ["id": "good"]]) == 200)
            #expect(backend.offloaded == holders, "a small body is verified where it was read")
        }
    }
}
