import Chain
import ChainTestSupport
import Dispatch
import Foundation
import Testing

/// `ChainNode.shutdown()`: commits what is queued, then refuses new work.
struct ChainNodeShutdownTests {
    /// Runs `body` on a thread of its own and reports whether it returned within `seconds`,
    /// so that a hang fails the test instead of blocking the run.
    private func returns(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread {
            body()
            done.signal()
        }.start()
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test("shutting a node down twice returns both times")
    func shutdownTwice() throws {
        let chain = try ChainFixture()
        let node = chain.node
        chain.close()
        #expect(returns(within: 10) { node.shutdown() })
        #expect(returns(within: 10) { node.shutdown() })
    }

    @Test("a submission after shutdown is refused as unavailable and writes nothing")
    func submitAfterShutdown() async throws {
        let chain = try ChainFixture()
        let transaction = try await chain.put("too late")
        let node = chain.node, store = chain.store
        chain.close()
        await #expect(throws: ChainError(.unavailable, "")) { try await node.submit(transaction) }
        #expect(try store.head()?.header.height == 0)
        #expect(try store.location(of: transaction.id) == nil)
    }
}
