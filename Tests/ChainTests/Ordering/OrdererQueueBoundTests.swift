import Chain
import ChainTestSupport
import Testing

/// The orderer's queue is bounded: beyond it a submission is refused at once, by name, and
/// the node takes transactions again as soon as blocks drain the queue.
struct OrdererQueueBoundTests {
    @Test("with the queue full a submission is refused at once as unavailable; queued ones commit, and the next is taken")
    func queueFull() async throws {
        var configuration = ChainNode.Configuration()
        configuration.maximumQueued = 3
        configuration.maximumBatch = 100
        // Blocks close late (10 s), so the queue stays full while the extra submissions arrive,
        // however loaded the machine.
        configuration.maximumDelayMilliseconds = 10_000
        configuration.idleGapMicroseconds = 10_000_000
        let chain = try ChainFixture(configuration: configuration)
        defer { chain.close() }
        var transactions: [Transaction] = []
        for index in 0..<5 { transactions.append(try await chain.put("queued \(index)")) }
        let node = chain.node
        let queued = transactions.prefix(3).map { transaction in Task { try await node.submit(transaction) } }
        // Let the three reach the queue before the others arrive.
        try await Task.sleep(for: .seconds(1))
        for extra in transactions.suffix(2) {
            await #expect(throws: ChainError(.unavailable, "")) { _ = try await node.submit(extra) }
        }
        for task in queued { _ = try await task.value }
        #expect(chain.node.head.height == 1 && chain.node.head.transactionCount == 3)
        _ = try await node.submit(transactions[3])
        #expect(chain.node.head.height == 2)
    }
}
