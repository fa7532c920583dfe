@testable import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// `specs/chain.md` §6.5: a writing store keeps a bitmap of `lookup`'s hash prefixes, built on a
/// thread of its own at open and as `lookup` grows; a clear bit answers a look for an absent
/// hash without reading the B-tree, and no entry of `lookup` ever reads as absent.
struct SQLiteLookupFilterTests {
    /// `count` random entries of `kind` with sequence numbers from 1.
    func entries(_ count: Int, kind: Int64) -> [Int64] {
        (1...count).map { SQLiteLookup.entry(kind: kind, hash: SecureRandom.bytes(count: 32), seq: Int64($0)) }
    }

    @Test("every inserted entry may be contained, and few absent hashes are at 16 bits an entry")
    func noFalseNegativesFewFalsePositives() {
        var filter = SQLiteLookupFilter(bitsLog2: SQLiteLookupFilter.bitsLog2(forEntries: 4_000))
        let inserted = entries(4_000, kind: SQLiteLookup.spentKey)
        inserted.forEach { filter.insert($0) }
        #expect(inserted.allSatisfy { filter.mayContain(prefix: $0 >> 32) })
        // The same hash bits under another kind are another slot.
        let otherKind = inserted.map { ($0 & ~(3 << 62)) | (SQLiteLookup.anchor << 62) }
        let absent = entries(20_000, kind: SQLiteLookup.spentKey) + otherKind
        let positives = absent.filter { filter.mayContain(prefix: $0 >> 32) }.count
        // Sized for four times the entries: about 64 bits an entry, 1.6% expected.
        #expect(Double(positives) / Double(absent.count) < 0.04, "\(positives) of \(absent.count) absent entries may be contained")
        #expect(filter.entries == 4_000)
    }

    @Test("a filter is sized for four times its entries, grows when crowded, and stops at 64 MiB")
    func sizing() {
        #expect(SQLiteLookupFilter.bitsLog2(forEntries: 1 << 20) == 26)
        #expect(SQLiteLookupFilter.bitsLog2(forEntries: (1 << 20) + 1) == 27)
        #expect(SQLiteLookupFilter.bitsLog2(forEntries: 100_000_000) == SQLiteLookupFilter.maximumBitsLog2)
        var small = SQLiteLookupFilter(bitsLog2: 8)
        for entry in entries(16, kind: SQLiteLookup.anchor) { small.insert(entry) }
        #expect(!small.isCrowded)
        small.insert(entries(1, kind: SQLiteLookup.anchor)[0])
        #expect(small.isCrowded)
        var largest = SQLiteLookupFilter(bitsLog2: SQLiteLookupFilter.maximumBitsLog2)
        for entry in entries(1_000, kind: SQLiteLookup.anchor) { largest.insert(entry) }
        #expect(largest.bitsLog2 == 29)
    }

    /// Waits until the store has a filter of which `ready` holds (its builds run on threads of their own).
    func filterReady(_ store: SQLiteBlockStore, _ ready: ((bitsLog2: Int, entries: Int, answered: Int)) -> Bool = { _ in true }) async throws
        -> (bitsLog2: Int, entries: Int, answered: Int) {
        for _ in 0..<500 {
            if let filter = store.lookupFilter, ready(filter) { return filter }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("The lookup filter was not built within 5 s.")
        throw CancellationError()
    }

    @Test("a chain with a filter over small generations finds every entry, refuses every replay, answers absent keys from memory, and rebuilds the filter at open and as it grows")
    func chainWithAFilter() async throws {
        var options = SQLiteBlockStore.Options()
        options.lookupGenerationEntries = 4
        options.lookupFilterMinimumEntries = 4
        let chain = try ChainFixture(sqlite: true, sqliteOptions: options)
        let path = try #require(chain.ledgerPath)
        let recent = SQLiteRecentLookupTests()
        var anchored = try await recent.anchors(6, chain)
        var store = try #require(chain.store as? SQLiteBlockStore)
        let first = try await filterReady(store)
        try await recent.expectAllFound(anchored, in: chain)
        #expect(try recent.count("lookup", path) > 0)

        // New anchors look for their spent keys and digests and find nothing: the filter says so.
        anchored += try await recent.anchors(20, chain)
        try await recent.expectAllFound(anchored, in: chain)
        // Past 16 bits an entry the next generation builds a larger bitmap, while blocks go on.
        let grown = try await filterReady(store) { $0.bitsLog2 > first.bitsLog2 }
        #expect(grown.answered > first.answered)
        anchored += try await recent.anchors(3, chain)
        try await recent.expectAllFound(anchored, in: chain)

        // A reopened store scans `lookup` into a new filter on a thread of its own.
        try chain.restart()
        store = try #require(chain.store as? SQLiteBlockStore)
        let inLookup = try recent.count("lookup", path)
        let reopened = try await filterReady(store) { $0.entries >= inLookup }
        try await recent.expectAllFound(anchored, in: chain)
        anchored += try await recent.anchors(5, chain)
        try await recent.expectAllFound(anchored, in: chain)
        #expect(try #require(store.lookupFilter).answered > reopened.answered)
    }

    @Test("a small ledger keeps no filter, and a read-only store never does")
    func noFilterBelowTheMinimum() async throws {
        var options = SQLiteBlockStore.Options()
        options.lookupGenerationEntries = 4
        let chain = try ChainFixture(sqlite: true, sqliteOptions: options)
        let recent = SQLiteRecentLookupTests()
        let anchored = try await recent.anchors(6, chain)
        try await recent.expectAllFound(anchored, in: chain)
        #expect((chain.store as? SQLiteBlockStore)?.lookupFilter == nil)
        var readOnly = SQLiteBlockStore.Options()
        readOnly.readOnly = true
        readOnly.lookupFilterMinimumEntries = 1
        let reader = try SQLiteBlockStore(path: try #require(chain.ledgerPath), options: readOnly)
        #expect(try reader.value(namespace: ChainNamespace.spentKeys, key: anchored[0].transaction.oneTimeKey) == [])
        try await Task.sleep(for: .milliseconds(100))
        #expect(reader.lookupFilter == nil)
    }
}
