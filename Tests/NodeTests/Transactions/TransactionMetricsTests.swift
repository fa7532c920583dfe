import Chain
import ChainTestSupport
import Metrics
import MetricsTestKit
import Node
import Primitives
import Testing

/// What the submission use case records through the metrics factory it is given: each test
/// has its own factory, so tests running side by side do not see each other's figures.
struct TransactionMetricsTests {
    @Test("a committed submission counts its type and records its commit time; a replay counts a refusal by code")
    func committedAndRefused() async throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let metrics = TestMetrics()
        let submission = TransactionSubmission(node: chain.node, store: chain.store, metrics: TransactionMetrics(factory: metrics))
        let transaction = try await chain.put("one")
        let type = transaction.type.name
        guard case .committed = await submission.submit(wire: transaction.encoded, wait: true) else {
            Issue.record("not committed")
            return
        }
        #expect(metrics.counterTotal(label: TransactionMetrics.submitted, dimensions: [("type", type)]) == 1)
        let commits = try metrics.expectTimer(TransactionMetrics.commit, [("type", type)])
        #expect(commits.values.count == 1 && commits.values[0] > 0)

        #expect(await submission.submit(wire: transaction.encoded, wait: true) != .accepted(transaction.id))
        #expect(metrics.counterTotal(label: TransactionMetrics.submitted, dimensions: [("type", type)]) == 2)
        #expect(metrics.counterTotal(label: TransactionMetrics.refused, dimensions: [("type", type), ("code", "spentOneTimeKey")]) == 1)
        #expect(commits.values.count == 1, "a refusal records no commit time")
    }

    @Test("refusals without waiting are counted once each: at the stateless checks, and when the block refuses them")
    func refusedWithoutWaiting() async throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let metrics = TestMetrics()
        let submission = TransactionSubmission(node: chain.node, store: chain.store, metrics: TransactionMetrics(factory: metrics))
        var forged = try await chain.put("forged").encoded
        forged[forged.count - 1] ^= 1
        let bad = try await chain.put("refuse this")
        _ = await submission.submit(wire: forged, wait: false)
        #expect(await submission.submit(wire: bad.encoded, wait: false) == .accepted(bad.id))
        for _ in 0..<500 where metrics.counterTotal(label: TransactionMetrics.refused) < 2 {
            try await Task.sleep(for: .milliseconds(10))
        }
        let type = bad.type.name
        #expect(metrics.counterTotal(label: TransactionMetrics.refused, dimensions: [("type", type), ("code", "badSignature")]) == 1)
        #expect(metrics.counterTotal(label: TransactionMetrics.refused, dimensions: [("type", type), ("code", "unauthorized")]) == 1)
        #expect(metrics.counterTotal(label: TransactionMetrics.submitted, dimensions: [("type", type)]) == 2)
        #expect(metrics.timers(label: TransactionMetrics.commit).allSatisfy { $0.values.isEmpty })
        _ = await submission.submit(wire: [0, 1, 2], wait: true)
        #expect(metrics.counterTotal(label: TransactionMetrics.submitted) == 2, "bytes that are not a transaction have no type to count")
    }

    @Test("a type the node does not handle is counted as unregistered, not under the client's text")
    func unregisteredType() async throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let metrics = TestMetrics()
        let submission = TransactionSubmission(node: chain.node, store: chain.store, metrics: TransactionMetrics(factory: metrics))
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let made = try Transaction(type: TransactionType("made.up.\(UInt64.random(in: 0...UInt64.max))"), body: [1], chainId: chain.chainId, oneTimeKey: key)
        _ = await submission.submit(wire: made.encoded, wait: true)
        #expect(metrics.counterTotal(label: TransactionMetrics.submitted, dimensions: [("type", TransactionMetrics.unregisteredType)]) == 1)
        #expect(metrics.counters(label: TransactionMetrics.submitted).count == 1)
    }
}
