import Chain
import ChainTestSupport
import Primitives
import Testing

/// `chain verify` on intact ledgers: every block and transaction is counted and nothing is reported.
struct ChainVerifierTests {
    @Test("an intact ledger verifies with every block and transaction counted", arguments: [false, true], ChainCryptoSuite.all)
    func cleanLedger(sqlite: Bool, suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(sqlite: sqlite, committee: 3, threshold: 2, suite: suite)
        let newNode = suite.signature.generateKey()
        let action = ChainFixture.admitNode(newNode)
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        _ = try await chain.node.submit(try await chain.put("one"))
        _ = try await chain.node.submit(try await chain.approval(action, by: 1))
        let batch = try await withThrowingTaskGroup(of: TransactionReceipt.self) { group in
            for index in 0..<5 { group.addTask { try await chain.node.submit(try await chain.put("batch \(index)", by: "bob")) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(batch.count == 5)
        var progress: [UInt64] = []
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify { height, head in
            #expect(head == chain.node.head.height)
            progress.append(height)
        }
        #expect(report.isValid, "\(report)")
        #expect(report.problem == nil)
        #expect(report.firstBadBlock == nil)
        #expect(report.verifiedBlocks == chain.node.head.height + 1)
        #expect(report.verifiedTransactions == 8)
        #expect(progress == Array(0...chain.node.head.height))
    }

    @Test("a ledger of genesis alone verifies as one block and no transactions", arguments: ChainCryptoSuite.all)
    func genesisOnly(suite: ChainCryptoSuite) throws {
        let chain = try ChainFixture(suite: suite)
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
        #expect(report.verifiedBlocks == 1)
        #expect(report.verifiedTransactions == 0)
        #expect(report.firstBadBlock == nil)
    }

    @Test("an empty store is reported as holding no chain")
    func emptyStore() throws {
        let report = try ChainVerifier(store: InMemoryBlockStore(), handlers: ChainFixture.handlers()).verify()
        #expect(!report.isValid)
        #expect(report.verifiedBlocks == 0)
    }

    @Test("a verifier without the handler of a stored type reports the block that cannot be replayed", arguments: ChainCryptoSuite.all)
    func missingHandler(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        _ = try await chain.node.submit(try await chain.put("needs test.put"))
        let report = try ChainVerifier(store: chain.store, handlers: .chainDefaults()).verify()
        #expect(!report.isValid)
        #expect(report.firstBadBlock == 1)
        #expect(report.verifiedBlocks == 1)
    }
}
