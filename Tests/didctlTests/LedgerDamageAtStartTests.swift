import Foundation
import GRDB
import Primitives
import Testing

/// A node does not serve a damaged ledger: it names the file and the first bad block, and
/// leaves the file as it found it.
struct LedgerDamageAtStartTests {
    /// A chain with a few blocks, its WAL folded into the database file.
    private static func chain() throws -> DIDCommandTests.Fixture {
        let chain = try DIDCommandTests.Fixture(accounts: [("alice", "partial")])
        _ = try chain.json(["did", "create", "--account", "alice"], account: "alice")
        let queue = try DatabaseQueue(path: chain.root.appendingPathComponent("ledger.sqlite").path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        return chain
    }

    private static func digest(_ url: URL) throws -> String { Hex.encode(Hash.sha256(Array(try Data(contentsOf: url)))) }

    private static func start(_ chain: DIDCommandTests.Fixture, _ arguments: [String] = []) throws -> Didctl.Result {
        // A node that did start (the check let it) is stopped by this deadline, by its own pid.
        let process = Didctl.start(["node", "start", "--listen", "127.0.0.1:0", "--data-dir", chain.root.path] + arguments)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Didctl.Result(status: process.terminationStatus, stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                             stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("a transaction altered in the newest block stops the node from starting, naming the ledger and the block; the file is left as it was")
    func alteredBlock() throws {
        let chain = try Self.chain()
        defer { chain.remove() }
        let ledger = chain.root.appendingPathComponent("ledger.sqlite")
        let head = try #require(try chain.json(["chain", "info"])["height"] as? Int)
        let queue = try DatabaseQueue(path: ledger.path)
        try queue.write { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT seq, bytes FROM transactions ORDER BY seq DESC LIMIT 1"))
            var bytes = Array(row["bytes"] as Data)
            bytes[bytes.count / 2] ^= 0x01
            try db.execute(sql: "UPDATE transactions SET bytes = ? WHERE seq = ?", arguments: [Data(bytes), row["seq"] as Int64])
        }
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        let before = try Self.digest(ledger)

        let started = try Self.start(chain)
        #expect(started.status == 1, "\(started.stdout)")
        #expect(started.stderr.contains(ledger.path) && started.stderr.contains("at block \(head)"), "\(started.stderr)")
        #expect(try Self.digest(ledger) == before, "the node changed the damaged file")
        #expect(try chain.run(["chain", "verify"]).status == 1)
    }

    @Test("a truncated ledger file stops the node from starting, naming the file; the file is left as it was")
    func truncatedFile() throws {
        let chain = try Self.chain()
        defer { chain.remove() }
        let ledger = chain.root.appendingPathComponent("ledger.sqlite")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: ledger.path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: ledger)
        try handle.truncate(atOffset: UInt64(size * 2 / 3))
        try handle.close()
        let before = try Self.digest(ledger)

        let started = try Self.start(chain)
        #expect(started.status == 1 && started.stderr.contains(ledger.path) && started.stderr.contains("corrupt"), "\(started.stderr)")
        #expect(try Self.digest(ledger) == before)
    }

    @Test("state altered under intact blocks passes the quick check but not --verify-ledger, which names the difference")
    func alteredState() throws {
        let chain = try Self.chain()
        defer { chain.remove() }
        let ledger = chain.root.appendingPathComponent("ledger.sqlite")
        let queue = try DatabaseQueue(path: ledger.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE state SET value = ? WHERE (namespace, key) = (SELECT namespace, key FROM state LIMIT 1)",
                           arguments: [Data([1, 2, 3])])
        }
        try queue.close()
        let verified = try Self.start(chain, ["--verify-ledger", "--json"])
        #expect(verified.status == 1 && verified.stderr.contains("World state does not match"), "\(verified.stderr)")
        // Without the full check the node starts: the newest blocks are intact.
        let node = try RunningNode(dataDirectory: chain.root)
        node.stop()
    }
}
