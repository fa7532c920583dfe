import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// `specs/chain.md` §6: the SQLite ledger survives a restart, refuses foreign files and keeps
/// itself consistent when the disk fills up.
struct SQLiteBlockStoreTests {
    @Test("head, state, locations and the spent set survive closing and reopening the ledger", arguments: ChainCryptoSuite.all)
    func survivesRestart(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(sqlite: true, suite: suite)
        var receipts: [TransactionReceipt] = []
        var transactions: [Transaction] = []
        for text in ["one", "two", "three"] {
            let transaction = try await chain.put(text)
            transactions.append(transaction)
            receipts.append(try await chain.node.submit(transaction))
        }
        let head = try #require(try chain.store.head())
        let state = try chain.snapshot(["test", ChainNamespace.spentKeys, ChainNamespace.member, ChainNamespace.config])

        try chain.restart()

        #expect(try chain.store.head() == head)
        #expect(chain.node.head == head.header)
        #expect(try chain.store.genesis() == chain.genesis)
        #expect(try chain.snapshot(["test", ChainNamespace.spentKeys, ChainNamespace.member, ChainNamespace.config]) == state)
        for (transaction, receipt) in zip(transactions, receipts) {
            let location = try #require(try chain.store.location(of: transaction.id))
            #expect(location.height == receipt.height && location.index == receipt.index)
        }
        #expect(try chain.store.transactions(at: 2) == [transactions[1]])
        await #expect(throws: ChainError(.spentOneTimeKey, "")) { try await chain.node.submit(transactions[0]) }
        let next = try await chain.node.submit(try await chain.put("four"))
        #expect(next.height == 4)
        #expect(try chain.store.head()?.header.previousHash == head.hash)
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
        #expect(report.verifiedBlocks == 5)
    }

    @Test("the writing connection syncs the WAL at every commit (synchronous=FULL), though GRDB sets NORMAL for WAL pools; NORMAL only when asked")
    func writerSyncsFully() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try SQLiteBlockStore(path: directory.appendingPathComponent("full.sqlite").path).writerSynchronous == 2)
        var options = SQLiteBlockStore.Options()
        options.fullSync = false
        #expect(try SQLiteBlockStore(path: directory.appendingPathComponent("normal.sqlite").path, options: options).writerSynchronous == 1)
    }

    @Test("opening a file that is not a SQLite database is refused as corruptLedger")
    func notADatabase() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-notadb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        let noise = (0..<8192).map { _ in UInt8.random(in: 0...255) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(noise)))
        #expect(throws: ChainError(.corruptLedger, "")) { try SQLiteBlockStore(path: path) }
        #expect(FileManager.default.contents(atPath: path) == Data(noise))
    }

    @Test("opening a chain in an empty store is notFound and creating one twice is alreadyExists")
    func emptyAndExistingStores() throws {
        let chain = try ChainFixture(sqlite: true)
        #expect(throws: ChainError(.notFound, "")) {
            try ChainNode(store: InMemoryBlockStore(), nodeKey: chain.nodeKey, clock: chain.clock)
        }
        #expect(throws: ChainError(.alreadyExists, "")) {
            try ChainNode.create(store: chain.store, genesis: chain.genesis, nodeKey: chain.nodeKey, clock: chain.clock)
        }
        #expect(try chain.store.head()?.header.height == 0)
    }

    @Test("when the database cannot grow, submitters get diskFull and the ledger stays consistent")
    func diskFull() async throws {
        var options = SQLiteBlockStore.Options()
        options.maximumPageCount = 24
        // The cap was chosen in pages of 4 KiB: room for the small transactions, not the big ones.
        options.pageSize = 4_096
        var configuration = ChainNode.Configuration()
        configuration.maximumBatch = 2
        configuration.maximumDelayMilliseconds = 10_000
        configuration.idleGapMicroseconds = 10_000_000
        let chain = try ChainFixture(sqlite: true, configuration: configuration, sqliteOptions: options)
        let small = [try await chain.put("small one"), try await chain.put("small two")]
        #expect(await Self.submitAll(small, to: chain).allSatisfy { $0 == nil })
        let head = try #require(try chain.store.head())
        let state = try chain.snapshot(["test", ChainNamespace.spentKeys])

        let big = [try await chain.put(String(repeating: "a", count: 60_000)),
                   try await chain.put(String(repeating: "b", count: 60_000))]
        let outcomes = await Self.submitAll(big, to: chain)
        #expect(outcomes.map { ($0 as? ChainError)?.code } == [.diskFull, .diskFull])

        #expect(chain.node.head == head.header)
        #expect(try chain.store.head() == head)
        #expect(try chain.snapshot(["test", ChainNamespace.spentKeys]) == state)
        #expect(try big.allSatisfy { try chain.store.location(of: $0.id) == nil })
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
        #expect(report.verifiedBlocks == head.header.height + 1)
        #expect(report.verifiedTransactions == 2)
        let after = [try await chain.put("small again"), try await chain.put("small again, too")]
        #expect(await Self.submitAll(after, to: chain).allSatisfy { $0 == nil })
        #expect(chain.node.head.height == head.header.height + 1)
        #expect(chain.node.height == chain.node.head.height)
    }

    /// Submits a batch concurrently; returns each submission's error (`nil` on success), in order.
    static func submitAll(_ transactions: [Transaction], to chain: ChainFixture) async -> [(any Error)?] {
        await withTaskGroup(of: (Int, (any Error)?).self) { group in
            for (index, transaction) in transactions.enumerated() {
                group.addTask {
                    do { _ = try await chain.node.submit(transaction); return (index, nil) } catch { return (index, error) }
                }
            }
            var results = [(any Error)?](repeating: nil, count: transactions.count)
            for await (index, error) in group { results[index] = error }
            return results
        }
    }
}

struct SQLiteCheckpointTests {
    @Test("an explicit checkpoint succeeds while the background checkpointer is busy, and empties the WAL")
    func explicitCheckpointUnderLoad() async throws {
        let chain = try ChainFixture(sqlite: true)
        for round in 0..<20 {
            let transactions = try await withThrowingTaskGroup(of: Transaction.self) { group in
                for i in 0..<50 { group.addTask { try await chain.put("round \(round) tx \(i)") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for t in transactions { _ = try await chain.node.submit(t) }
            try #require(chain.store as? SQLiteBlockStore).checkpoint()
        }
        let path = try #require(chain.ledgerPath)
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    @Test("a height no signed SQLite key can hold names no block instead of trapping")
    func heightsPastInt64() throws {
        let chain = try ChainFixture(sqlite: true)
        for height in [UInt64(Int64.max) + 1, UInt64.max] {
            #expect(try chain.store.signedHeader(at: height) == nil)
            #expect(try chain.store.transactions(at: height).isEmpty)
        }
    }
}
