import Foundation
import HTTPServer
import Node

/// The node's HTTP API served over real sockets on 127.0.0.1, at a port the system picks, for
/// as long as a benchmark needs it.
struct BenchmarkServer {
    /// The server's base URL, such as `http://127.0.0.1:41234`.
    let url: String
    private let task: Task<Void, any Error>

    /// Starts `NodeHTTPServer` over `backend` and returns once it listens.
    /// - Throws: `BenchmarkError` when it stops before listening (the address cannot be bound).
    static func start(backend: any NodeBackend, limits: HTTPServerConfiguration.Limits) async throws -> BenchmarkServer {
        let server = NodeHTTPServer(backend: backend, configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0, limits: limits),
                                    webRoot: nil)
        let (listening, continuation) = AsyncStream<URL>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await server.run { continuation.yield($0) }
        }
        var urls = listening.makeAsyncIterator()
        guard let url = await urls.next() else {
            let failure = await task.result
            throw BenchmarkError("The benchmark's HTTP server did not start: \(failure).")
        }
        return BenchmarkServer(url: url.absoluteString, task: task)
    }

    /// Stops the server (its task is cancelled, which shuts it down) and waits for it.
    func stop() async {
        task.cancel()
        _ = await task.result
    }
}
