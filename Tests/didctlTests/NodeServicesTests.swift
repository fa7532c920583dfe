import Chain
import ChainTestSupport
@testable import didctl
import Logging
import ServiceLifecycle
import Testing

/// The services `didctl node start` runs in its group, in process: the orderer commits what is
/// queued when the group shuts down gracefully, so no submitter is left waiting.
struct NodeServicesTests {
    @Test("on graceful shutdown the orderer's service commits every queued transaction before the group returns")
    func queuedTransactionsCommitOnShutdown() async throws {
        // Blocks close only when full or after ten minutes: what is submitted stays queued until the stop.
        var configuration = ChainNode.Configuration()
        configuration.maximumDelayMilliseconds = 600_000
        configuration.idleGapMicroseconds = 600_000_000
        let chain = try ChainFixture(configuration: configuration)
        defer { chain.close() }
        let transactions = try await (0..<8).asyncMap { try await chain.put("queued \($0)") }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [ChainNodeService(node: chain.node)], logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let receipts = try await withThrowingTaskGroup(of: TransactionReceipt.self) { submits in
                for transaction in transactions { submits.addTask { try await chain.node.submit(transaction) } }
                // The submissions are queued behind the long block deadline; nothing is committed yet.
                try await Task.sleep(for: .milliseconds(300))
                #expect(chain.node.statistics.blocks == 0)
                let stop = ContinuousClock.now
                await group.triggerGracefulShutdown()
                let receipts = try await submits.reduce(into: [TransactionReceipt]()) { $0.append($1) }
                // Well before the block deadline: the stop committed them, not the deadline. Half
                // the deadline, so a loaded CI machine (24 s seen at load 15 on two cores) passes.
                #expect(ContinuousClock.now - stop < .seconds(300))
                return receipts
            }
            try await tasks.waitForAll()
            #expect(receipts.count == transactions.count)
        }
        for transaction in transactions { #expect(try chain.store.location(of: transaction.id) != nil) }
        await #expect(throws: ChainError.self) { try await chain.node.submit(try await chain.put("after the stop")) }
    }
}

extension Sequence {
    /// `map` with an async transform, one element after the other.
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
