import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// The auditor's SQLite index: a database of its own that keeps its place across restarts.
struct SQLiteAuditIndexStoreTests {
    @Test("the SQLite index survives reopening with its entries, anomalies, queries and position")
    func survivesReopen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("audit.sqlite").path
        let audit = try await AuditFixture(index: try SQLiteAuditIndexStore(path: path))
        let puts = try await audit.puts(["s1", "s2"], by: "alice")
        _ = try await audit.chain.node.submit(try await audit.forgedTransaction(naming: "bob"))
        _ = try await audit.ask(try audit.request(AuditQuery(.log)))
        _ = try audit.index.follow(store: audit.chain.store)
        let alice = try await audit.chain.handle("alice")
        let memory = AuditIndex(store: InMemoryAuditIndexStore(), keys: audit.chain.auditorKey)
        _ = try memory.follow(store: audit.chain.store)

        let reopened = AuditIndex(store: try SQLiteAuditIndexStore(path: path), keys: audit.chain.auditorKey)
        #expect(try reopened.trace(alice).map(\.transactionId) == audit.aliceSetup + puts.map(\.id))
        #expect(try reopened.trace(alice) == memory.trace(alice))
        #expect(try reopened.link(puts[1].id) == memory.link(puts[1].id))
        #expect(try reopened.anomalies() == memory.anomalies() && reopened.anomalies().count == 1)
        #expect(try reopened.queries() == memory.queries() && reopened.queries().count == 1)
        #expect(try reopened.store.entryCount() == memory.store.entryCount())
        #expect(try reopened.store.cursor()?.nextHeight == (try audit.chain.store.head()!.header.height) + 1)
        #expect(try reopened.follow(store: audit.chain.store) == 0)
        #expect(try reopened.rebuild(from: audit.chain.store) > 0)
        #expect(try reopened.trace(alice) == memory.trace(alice))
    }
}
