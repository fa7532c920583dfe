import Chain
import ChainTestSupport
import Node
import Primitives
import Testing

/// The submission use case in process, over the in-memory store and over SQLite.
struct TransactionSubmissionTests {
    @Test("a waited-for submission returns the commit the ledger holds; the same bytes again are refused spentOneTimeKey", arguments: [false, true])
    func committedThenReplayed(sqlite: Bool) async throws {
        let chain = try ChainFixture(sqlite: sqlite)
        defer { chain.close() }
        let submission = TransactionSubmission(node: chain.node, store: chain.store)
        let transaction = try await chain.put("one")
        guard case .committed(let commit) = await submission.submit(wire: transaction.encoded, wait: true) else {
            Issue.record("not committed")
            return
        }
        let location = try #require(try chain.store.location(of: transaction.id))
        #expect(commit.transactionId == transaction.id && commit.height == location.height && commit.index == location.index)
        #expect(commit.blockHash == (try chain.store.signedHeader(at: location.height))?.hash)
        #expect(try submission.state(of: transaction.id) == .committed(commit))
        let again = await submission.submit(wire: transaction.encoded, wait: true)
        #expect(again == .refused(code: "spentOneTimeKey", reason: againReason(again)))
    }

    @Test("without waiting it answers accepted, and the state goes from pending to committed or to refused with the handler's code", arguments: [false, true])
    func acceptedThenSettled(sqlite: Bool) async throws {
        let chain = try ChainFixture(sqlite: sqlite)
        defer { chain.close() }
        let submission = TransactionSubmission(node: chain.node, store: chain.store)
        let good = try await chain.put("two"), bad = try await chain.put("refuse this")
        #expect(await submission.submit(wire: good.encoded, wait: false) == .accepted(good.id))
        #expect(await submission.submit(wire: bad.encoded, wait: false) == .accepted(bad.id))
        var states: [TransactionState?] = []
        for _ in 0..<500 {
            states = [try submission.state(of: good.id), try submission.state(of: bad.id)]
            if !states.contains(.pending) { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard case .committed? = states[0], case .refused(let code, _)? = states[1] else {
            Issue.record("states \(states)")
            return
        }
        #expect(code == "unauthorized")
        #expect(try chain.store.location(of: bad.id) == nil)
    }

    @Test("bytes that are not a transaction are malformed, a bad signature is refused before anything is queued, an unknown id has no state")
    func refusedEarly() async throws {
        let chain = try ChainFixture()
        let submission = TransactionSubmission(node: chain.node, store: chain.store)
        guard case .malformed = await submission.submit(wire: [0, 1, 2], wait: false) else {
            Issue.record("garbage was not malformed")
            return
        }
        var forged = try await chain.put("three").encoded
        forged[forged.count - 1] ^= 1
        guard case .refused(let code, _) = await submission.submit(wire: forged, wait: false) else {
            Issue.record("a forged signature was not refused")
            return
        }
        #expect(code == "badSignature")
        #expect(try submission.state(of: try Transaction(decoding: forged).id) == nil)
        #expect(chain.node.head.height == 0 || chain.node.statistics.blocks == 0)
    }

    private func againReason(_ outcome: TransactionOutcome) -> String {
        if case .refused(_, let reason) = outcome { return reason }
        return ""
    }
}

/// The states of transactions accepted without waiting are kept for a bounded number only.
struct TransactionStateBoundTests {
    @Test("beyond its bound the oldest states of transactions accepted without waiting are forgotten, the newest kept")
    func oldestForgotten() async throws {
        let chain = try ChainFixture()
        defer { chain.close() }
        let submission = TransactionSubmission(node: chain.node, store: chain.store, maximumStates: 2)
        var refused: [Transaction] = []
        for index in 0..<6 {
            let key = try await chain.oneTimeKeys("alice", count: 1)[0]
            let first = try Transaction(type: TestPutHandler.transactionType, body: Array("first \(index)".utf8), chainId: chain.chainId, oneTimeKey: key)
            guard case .committed = await submission.submit(wire: first.encoded, wait: true) else {
                Issue.record("not committed")
                return
            }
            // Another body under the spent key: past the stateless checks, refused in its block.
            let second = try Transaction(type: TestPutHandler.transactionType, body: Array("second \(index)".utf8), chainId: chain.chainId, oneTimeKey: key)
            #expect(await submission.submit(wire: second.encoded, wait: false) == .accepted(second.id))
            refused.append(second)
            for _ in 0..<500 {
                if case .refused? = try submission.state(of: second.id) { break }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        guard case .refused(let code, _)? = try submission.state(of: refused.last!.id) else {
            Issue.record("the newest refused state was not kept")
            return
        }
        #expect(code == "spentOneTimeKey")
        #expect(try submission.state(of: refused[0].id) == nil, "the oldest state outlived the bound")
    }
}
