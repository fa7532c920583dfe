import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Primitives

extension EtcdClient {
    /// Waits until a key under `prefix` changes at a revision after `revision`, or `timeout`
    /// passes, through the gateway's streaming watch (`POST /v3/watch`). A change made between
    /// the caller's read and this call is reported at once, since the watch starts from
    /// `revision + 1`.
    /// - Returns: whether a change was seen (`false`: the timeout passed).
    /// - Throws: ``EtcdError`` `.unavailable` when no endpoint accepts the watch.
    public func waitForChange(prefix: [UInt8], after revision: Int64, timeout: Duration) async throws -> Bool {
        let body = JSONValue.object(["create_request": .object([
            "key": Self.encode(prefix), "range_end": Self.encode(Self.prefixEnd(prefix)),
            "start_revision": .string(String(revision + 1)),
        ])]).serialized()
        var failures: [String] = []
        for endpoint in preference.ordered(endpoints) {
            var request = HTTPClientRequest(url: "\(endpoint)/v3/watch")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
            let watch = request
            do {
                return try await withThrowingTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        let response = try await httpClient.execute(watch, timeout: .seconds(Int64(timeout.components.seconds) + 5))
                        guard response.status == .ok else { throw EtcdError(.unavailable, "watch answered \(response.status.code)") }
                        preference.answered(endpoint, among: endpoints)
                        var text: [UInt8] = []
                        for try await chunk in response.body {
                            text += chunk.readableBytesView
                            // The first message confirms the watch; any later one carries events.
                            // A watch cancelled because its revision was compacted (§3.3) also
                            // sends the reader back to read.
                            if text.count > 8, String(decoding: text, as: UTF8.self).contains("\"events\"")
                                || String(decoding: text, as: UTF8.self).contains("\"canceled\"") { return true }
                        }
                        return false
                    }
                    group.addTask {
                        try await Task.sleep(for: timeout)
                        return false
                    }
                    let first = try await group.next() ?? false
                    group.cancelAll()
                    return first
                }
            } catch let error where !(error is CancellationError) {
                failures.append("\(endpoint): \(error)")
                continue
            }
        }
        throw EtcdError(.unavailable, "No etcd endpoint accepted a watch: \(failures.joined(separator: "; ")).")
    }
}
