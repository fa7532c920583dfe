import Foundation
import HTTPServer
import Hummingbird
import HummingbirdTesting
import Testing

/// The limits on connections, over real sockets: a request that arrives too slowly, and a
/// client that opens too many connections. Every blocking socket call runs off Swift
/// Concurrency's threads (``RawSocket/offThePool(_:)``), which the server's handlers need.
@Suite(.serialized) struct ConnectionLimitsTests {
    @Test("a request body or header trickled a byte at a time, never idle, is answered 408 and closed at the read deadline",
          arguments: [false, true])
    func slowRequestIsCutOff(trickleHeaders: Bool) async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        // Each byte comes well within the idle timeout, so only the read deadline can end it.
        let server = HTTPTest.server(backend, limits: .init(idleTimeout: .seconds(3), requestReadTimeout: .seconds(1)))
        try await server.application().test(.live) { client in
            let socket = try RawSocket(port: try #require(client.port))
            defer { socket.close() }
            socket.send("POST /credentials/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + (trickleHeaders ? "X-Slow: " : "Content-Length: 1000\r\n\r\n{"))
            var answer = "", ending: RawSocket.Ending?
            // At most 12 s of trickling (a byte every 250 ms); the deadline is 1 s.
            for _ in 0..<48 where answer.isEmpty && ending == nil {
                socket.send(trickleHeaders ? "a" : " ")
                (answer, ending) = await RawSocket.offThePool { socket.receiveSome(withinMilliseconds: 250) }
                if ending == .timedOut { ending = nil }
            }
            #expect(answer.hasPrefix("HTTP/1.1 408") || ending == .closed, "answer: \(answer.prefix(80)), ending: \(String(describing: ending))")
            // Answered (or closed) before the 48 bytes ran out: the 1 s read deadline cut it, as no
            // idle gap could. No wall-clock bound here: a loaded CI machine stretches every step.
            if answer.hasPrefix("HTTP/1.1 408") {
                #expect(answer.contains("application/problem+json"))
                #expect(await RawSocket.offThePool { socket.receiveUntilClosed(within: 5) } == .closed)
            }
            // The node still serves others.
            let fresh = try RawSocket(port: try #require(client.port))
            defer { fresh.close() }
            fresh.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(await RawSocket.offThePool { fresh.receiveAll(within: 10) }.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test("a connection beyond a client's cap of open connections is closed at once; the others are served, and a slot comes back when one closes")
    func connectionCapPerClient() async throws {
        let backend = TestBackend(fixture: try await NodeFixture())
        let server = HTTPTest.server(backend, limits: .init(maximumConnectionsPerClient: 3))
        let health = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
        try await server.application().test(.live) { client in
            let port = try #require(client.port)
            // Bounds generous for a loaded CI machine: each wait ends as soon as the answer (or the close) comes.
            // The test client's own connection is the first of the three.
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
            let first = try RawSocket(port: port), second = try RawSocket(port: port)
            defer { first.close(); second.close() }
            for socket in [first, second] {
                socket.send(health)
                let answer = await RawSocket.offThePool { socket.receiveSome(withinMilliseconds: 20_000) }
                #expect(answer.text.hasPrefix("HTTP/1.1 200"), "received \(answer.text.prefix(200).debugDescription), ending \(String(describing: answer.ending))")
            }
            let extra = try RawSocket(port: port)
            defer { extra.close() }
            #expect(await RawSocket.offThePool { extra.receiveUntilClosed(within: 20) } == .closed)
            // The first two still answer.
            first.send(health)
            let again = await RawSocket.offThePool { first.receiveSome(withinMilliseconds: 20_000) }
            #expect(again.text.hasPrefix("HTTP/1.1 200"), "received \(again.text.prefix(200).debugDescription), ending \(String(describing: again.ending))")
            // Closing one gives its slot back (the server learns of it a moment later).
            second.close()
            var served = false
            for _ in 0..<50 where !served {
                try await Task.sleep(for: .milliseconds(100))
                let again = try RawSocket(port: port)
                defer { again.close() }
                again.send(health)
                served = await RawSocket.offThePool { again.receiveSome(withinMilliseconds: 2_000).text }.hasPrefix("HTTP/1.1 200")
            }
            #expect(served)
        }
    }
}
