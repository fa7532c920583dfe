import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Primitives

/// One long-lived etcd watch on a prefix, shared by every wait of one reader
/// (`specs/consortium.md` §3.2): it keeps the highest revision it has seen and wakes the waiters
/// whose revision is below it.
///
/// It replaced a watch opened per wait, which cost a new connection and a new etcd watcher each
/// time while a consortium node waits several times per block (`bench consortium` measured etcd
/// at a fifth of the machine's CPU then). The stream
/// reconnects by itself (to the next member when one fails) from the revision after the last it
/// saw, and closes when nobody has waited for 10 s, to be reopened by the next wait. A wait
/// never depends on it for correctness: it ends at its timeout, and the reader reads again.
final class EtcdWatcher: @unchecked Sendable {
    private let etcd: EtcdClient
    private let prefix: [UInt8]
    private let lock = NSLock()
    // Guarded by `lock`.
    private var seen: Int64 = 0
    private var waiters: [UInt64: (revision: Int64, continuation: CheckedContinuation<Void, Never>)] = [:]
    private var nextWaiter: UInt64 = 0
    private var lastWait = ContinuousClock.now
    private var streaming = false

    /// A watcher of `prefix`; it opens its stream on the first wait.
    init(etcd: EtcdClient, prefix: [UInt8]) {
        self.etcd = etcd
        self.prefix = prefix
    }

    /// Returns once a key under the prefix changed at a revision after `revision`, or after
    /// `timeout`, whichever is first.
    func waitForChange(after revision: Int64, timeout: Duration) async {
        let (id, start): (UInt64, Bool) = lock.withLock {
            lastWait = .now
            nextWaiter += 1
            let start = !streaming
            streaming = true
            return (nextWaiter, start)
        }
        if start {
            let from = revision + 1
            Task.detached { [self] in await stream(from: from) }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now: Bool = lock.withLock {
                if seen > revision { return true }
                waiters[id] = (revision, continuation)
                return false
            }
            if now {
                continuation.resume()
                return
            }
            Task { [self] in
                try? await Task.sleep(for: timeout)
                lock.withLock { waiters.removeValue(forKey: id) }?.continuation.resume()
            }
        }
    }

    /// Records a revision seen on the stream and wakes the waiters below it.
    private func saw(_ revision: Int64) {
        let ready: [CheckedContinuation<Void, Never>] = lock.withLock {
            seen = max(seen, revision)
            let due = waiters.filter { $0.value.revision < seen }
            for id in due.keys { waiters[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    /// Keeps a watch open from `revision` until nobody has waited for 10 s.
    private func stream(from revision: Int64) async {
        var next = revision
        var failures = 0
        while true {
            let idle: Bool = lock.withLock {
                let idle = ContinuousClock.now - lastWait > .seconds(10) && waiters.isEmpty
                if idle { streaming = false }
                return idle
            }
            if idle { return }
            var opened = false
            let started = ContinuousClock.now
            for endpoint in etcd.preference.ordered(etcd.endpoints) {
                do {
                    try await watch(endpoint, from: &next, opened: &opened)
                } catch {
                    continue
                }
                if opened { break }
            }
            // A stream that ended (etcd closes idle ones, a member stopped) is reopened at once;
            // one that ended as soon as it opened, or a member set that keeps refusing, is
            // retried after 100 ms, growing to a second.
            let lasted = ContinuousClock.now - started > .milliseconds(100)
            failures = opened && lasted ? 0 : failures + 1
            if failures > 0 { try? await Task.sleep(for: .milliseconds(min(1_000, 100 * failures))) }
        }
    }

    /// One watch stream on `endpoint`, read until it ends or 30 s without a wait pass.
    private func watch(_ endpoint: String, from next: inout Int64, opened: inout Bool) async throws {
        var create: [(String, JSONValue)] = [("key", EtcdClient.encode(prefix)), ("range_end", EtcdClient.encode(EtcdClient.prefixEnd(prefix)))]
        if next > 0 { create.append(("start_revision", .string(String(next)))) }
        var request = HTTPClientRequest(url: "\(endpoint)/v3/watch")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: JSONValue.object(["create_request": .object(JSONObject(create))]).serialized()))
        // The deadline bounds one stream; the loop opens the next.
        let response = try await etcd.httpClient.execute(request, deadline: .now() + .minutes(10))
        guard response.status == .ok else { throw EtcdError(.unavailable, "watch answered \(response.status.code)") }
        etcd.preference.answered(endpoint, among: etcd.endpoints)
        opened = true
        var pending: [UInt8] = []
        for try await chunk in response.body {
            pending += chunk.readableBytesView
            // The gateway sends one JSON message per line.
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                guard let message = try? JSONValue(parsing: line), let result = message["result"] else { continue }
                if result["canceled"]?.boolValue == true {
                    // Compacted past `next`: readers find the marker (§3.3); watch from now on.
                    let compacted = Int64(result["compact_revision"]?.stringValue ?? "") ?? 0
                    saw(max(compacted, next))
                    next = 0
                    return
                }
                let revision = Int64(result["header"]?["revision"]?.stringValue ?? "") ?? 0
                if result["events"]?.arrayValue?.isEmpty == false, revision > 0 {
                    saw(revision)
                    next = revision + 1
                }
            }
            let idle = lock.withLock { ContinuousClock.now - lastWait > .seconds(30) && waiters.isEmpty }
            if idle { return }
        }
    }
}
