import Chain
import ChainTestSupport
import Primitives
import Testing

/// A node clock that jumps by an hour (specs/chain.md §7): blocks never go back in time, and
/// epochs follow the clock.
struct ClockFaultTests {
    @Test("a clock set back an hour dates the next blocks at their parent's time, never before it, and the ledger verifies")
    func backwards() async throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        _ = try await chain.node.submit(try await chain.put("before"))
        let parent = chain.node.head
        chain.clock.set(parent.time - 3_600_000)
        _ = try await chain.node.submit(try await chain.put("after the jump"))
        let child = chain.node.head
        #expect(child.height == parent.height + 1 && child.time == parent.time)
        chain.clock.set(parent.time + 1)
        _ = try await chain.node.submit(try await chain.put("clock caught up"))
        #expect(chain.node.head.time == parent.time + 1)
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
    }

    @Test("a clock set forward an hour across an epoch boundary dates blocks forward; requests signed before it or for the old epoch are refused, the new epoch's certified")
    func forwardAcrossEpoch() async throws {
        let chain = try ChainFixture(epochSeconds: 3_600)
        defer { chain.close() }
        let oldEpoch = chain.epoch
        let old = try await chain.request("alice", count: 1)
        chain.clock.advance(milliseconds: 3_600_000)
        #expect(chain.epoch == oldEpoch + 1)
        let service = chain.membershipService(reading: chain.store)
        // Signed before the jump: its time is an hour off the service's clock.
        #expect(throws: ChainError(.unauthorized, "")) {
            _ = try service.certify(old.request, now: chain.clock.nowMilliseconds())
        }
        let stale = try await chain.request("alice", count: 1, epoch: oldEpoch)
        #expect(throws: ChainError(.expiredEpoch, "")) {
            _ = try service.certify(stale.request, now: chain.clock.nowMilliseconds())
        }
        let fresh = try await chain.request("alice", count: 1)
        #expect(try service.certify(fresh.request, now: chain.clock.nowMilliseconds()).count == 1)
        _ = try await chain.node.submit(try await chain.put("an hour later"))
        #expect(chain.node.head.time == chain.clock.nowMilliseconds())
    }
}
