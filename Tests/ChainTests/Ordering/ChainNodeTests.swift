import Chain
import ChainTestSupport
import Primitives
import Testing

struct ChainNodeTests {
    @Test("a submitted transaction is committed in block 1 and its writes reach state", arguments: ChainCryptoSuite.all)
    func submitCommits(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let transaction = try await chain.put("hello")
        let receipt = try await chain.node.submit(transaction)
        #expect(receipt.height == 1)
        #expect(receipt.transactionId == transaction.id)
        #expect(try chain.store.value(namespace: "test", key: Hash.sha256(Array("hello".utf8))) == Array("hello".utf8))
        #expect(try chain.store.location(of: transaction.id)?.height == 1)
        #expect(chain.node.head.height == 1)
    }

    @Test("concurrent submissions are batched into few blocks and all committed", arguments: ChainCryptoSuite.all)
    func concurrentBatching(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(sqlite: true, suite: suite)
        let transactions = try await withThrowingTaskGroup(of: Transaction.self) { group in
            for i in 0..<200 { group.addTask { try await chain.put("tx \(i)") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let receipts = try await withThrowingTaskGroup(of: TransactionReceipt.self) { group in
            for t in transactions { group.addTask { try await chain.node.submit(t) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(receipts.count == 200)
        #expect(Set(receipts.map(\.transactionId)) == Set(transactions.map(\.id)))
        #expect(chain.node.head.height < 200)
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
        #expect(report.verifiedTransactions == 200)
    }

    @Test("a replayed transaction is refused as spentOneTimeKey and state is unchanged", arguments: ChainCryptoSuite.all)
    func replayRefused(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let transaction = try await chain.put("once")
        _ = try await chain.node.submit(transaction)
        let head = chain.node.head
        await #expect(throws: ChainError(.spentOneTimeKey, "")) { try await chain.node.submit(transaction) }
        #expect(chain.node.head == head)
    }
}
