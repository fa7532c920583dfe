import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// `specs/chain.md` §6.4: lookup entries wait in the recent tier and reach the `lookup` B-tree a
/// generation at a time; every id, spent key and anchored digest is found wherever it is, across
/// restarts in the middle of a merge, from layout-2 ledgers and from a read-only store.
struct SQLiteRecentLookupTests {
    /// What was submitted: each anchor's transaction, digest and receipt.
    struct Anchored {
        let transaction: Transaction
        let digest: [UInt8]
        let receipt: TransactionReceipt
    }

    func anchor(_ chain: ChainFixture) async throws -> Anchored {
        let digest = SecureRandom.bytes(count: 32)
        let transaction = try Transaction(type: AnchorHandler.transactionType, body: AnchorHandler.body(digest: digest), chainId: chain.chainId,
                                          oneTimeKey: try await chain.oneTimeKeys("alice", count: 1)[0])
        return Anchored(transaction: transaction, digest: digest, receipt: try await chain.node.submit(transaction))
    }

    /// Every anchor is found by id, digest and spent key; replaying one or anchoring its digest
    /// again is refused; the replayed state matches the stored one.
    func expectAllFound(_ anchored: [Anchored], in chain: ChainFixture, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for item in anchored {
            let location = try chain.store.location(of: item.transaction.id)
            #expect(location?.height == item.receipt.height && location?.index == item.receipt.index, sourceLocation: sourceLocation)
            var height = ByteWriter()
            height.u64(item.receipt.height)
            #expect(try chain.store.value(namespace: AnchorHandler.namespace, key: item.digest) == height.bytes, sourceLocation: sourceLocation)
            #expect(try chain.store.value(namespace: ChainNamespace.spentKeys, key: item.transaction.oneTimeKey) == [], sourceLocation: sourceLocation)
        }
        for item in [anchored.first, anchored.last].compactMap({ $0 }) {
            await #expect(throws: ChainError(.spentOneTimeKey, ""), sourceLocation: sourceLocation) { try await chain.node.submit(item.transaction) }
            let again = try Transaction(type: AnchorHandler.transactionType, body: AnchorHandler.body(digest: item.digest), chainId: chain.chainId,
                                        oneTimeKey: try await chain.oneTimeKeys("alice", count: 1)[0])
            await #expect(throws: ChainError(.alreadyExists, ""), sourceLocation: sourceLocation) { try await chain.node.submit(again) }
        }
        let report = try ChainVerifier(store: chain.store, handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)", sourceLocation: sourceLocation)
    }

    func count(_ table: String, _ path: String) throws -> Int {
        Int(try LedgerTamperTests.sqlite(path, "SELECT COUNT(*) FROM \(table);")) ?? -1
    }

    /// A SQLite chain whose generations hold `generation` entries (the default when `nil`), and its ledger file.
    func chain(generation: Int? = nil) throws -> (chain: ChainFixture, path: String) {
        var options = SQLiteBlockStore.Options()
        if let generation { options.lookupGenerationEntries = generation }
        let chain = try ChainFixture(sqlite: true, sqliteOptions: options)
        return (chain, try #require(chain.ledgerPath))
    }

    /// `count` anchors, each in a block of its own.
    func anchors(_ count: Int, _ chain: ChainFixture) async throws -> [Anchored] {
        var anchored: [Anchored] = []
        for _ in 0..<count { anchored.append(try await anchor(chain)) }
        return anchored
    }

    @Test("entries move into the lookup B-tree a generation at a time and are found before, during and after, across a restart in mid-merge")
    func generationsMerge() async throws {
        let (chain, path) = try chain(generation: 7)
        var anchored = try await anchors(8, chain)
        try await expectAllFound(anchored, in: chain)
        let store = try #require(chain.store as? SQLiteBlockStore)
        // Three entries an anchor (id, spent key, digest): generations of 7 have been merged by now.
        let merged = try count("lookup", path)
        #expect(merged > 0)
        let live = try store.recentLookupEntries
        #expect(live > 0 && live <= 3 * 7 + 3, "\(live) entries in the recent tier")

        // Reopen while a generation is half merged: the merge state in `meta` says which rows are live.
        anchored += try await anchors(3, chain)
        try chain.restart()
        try await expectAllFound(anchored, in: chain)
        anchored += try await anchors(10, chain)
        try await expectAllFound(anchored, in: chain)
        #expect(try count("lookup", path) > merged)
        // Rows of generations already merged are deleted as blocks go on: `pending` stays about two generations.
        #expect(try count("pending", path) <= 4 * 7 + 12)
    }

    @Test("with the default generation nothing is merged on a small ledger and everything is found in the recent tier")
    func defaultGenerationKeepsSmallLedgersRecent() async throws {
        let (chain, path) = try chain()
        try await expectAllFound(try await anchors(4, chain), in: chain)
        #expect(try count("lookup", path) == 0)
        #expect(try count("pending", path) == 3 * 4)
    }

    @Test("a ledger of layout 2, every entry in lookup and no recent tier, is given the tier in place when opened for writing and goes on")
    func layoutTwoIsUpgradedInPlace() async throws {
        let (chain, path) = try chain(generation: 5)
        var anchored = try await anchors(3, chain)
        chain.close()
        // What layout 2 wrote: the same tables without `pending` or the merge state.
        _ = try LedgerTamperTests.sqlite(path, """
            INSERT OR IGNORE INTO lookup(entry) SELECT (prefix << 32) | (slot >> 2) FROM pending; DROP TABLE pending;
            DELETE FROM meta WHERE key = 'lookupMerge'; UPDATE meta SET value = CAST('2' AS BLOB) WHERE key = 'layout';
            """)
        #expect(try SQLiteLedgerMigration.layoutVersion(at: path) == 2)
        try chain.restart()
        #expect(try SQLiteLedgerMigration.layoutVersion(at: path) == 3)
        try await expectAllFound(anchored, in: chain)
        anchored += try await anchors(6, chain)
        try await expectAllFound(anchored, in: chain)
    }

    @Test("a read-only store opened beside the writer finds the entries committed after it opened")
    func readOnlyStoreFollowsTheWriter() async throws {
        let (chain, path) = try chain(generation: 4)
        let first = try await anchor(chain)
        var readOnly = SQLiteBlockStore.Options()
        readOnly.readOnly = true
        let reader = try SQLiteBlockStore(path: path, options: readOnly)
        let later = try await anchors(6, chain)
        for item in [first] + later {
            #expect(try reader.location(of: item.transaction.id)?.height == item.receipt.height)
            #expect(try reader.value(namespace: AnchorHandler.namespace, key: item.digest) != nil)
            #expect(try reader.value(namespace: ChainNamespace.spentKeys, key: item.transaction.oneTimeKey) == [])
        }
        #expect(try reader.value(namespace: AnchorHandler.namespace, key: SecureRandom.bytes(count: 32)) == nil)
    }
}
