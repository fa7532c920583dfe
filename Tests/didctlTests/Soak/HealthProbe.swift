import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// GETs `/healthz` on a connection of its own at a fixed interval, recording each answer.
final class HealthProbe: @unchecked Sendable {
    let url: String
    /// A thread of its own, so the load's client work does not delay the probe.
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let http: HTTPClient

    init(url: String) {
        self.url = url
        http = HTTPClient(eventLoopGroup: group)
    }

    func run(every interval: Double) async -> [(status: Int, latency: Double)] {
        var answers: [(status: Int, latency: Double)] = []
        while !Task.isCancelled {
            let start = ContinuousClock.now
            var status = 0
            if let response = try? await http.execute(HTTPClientRequest(url: url), timeout: .seconds(10)) {
                status = Int(response.status.code)
                _ = try? await response.body.collect(upTo: 1 << 20)
            }
            answers.append((status, (ContinuousClock.now - start).seconds))
            try? await Task.sleep(for: .seconds(interval))
        }
        return answers
    }

    func shutdown() async {
        try? await http.shutdown()
        try? await group.shutdownGracefully()
    }
}
