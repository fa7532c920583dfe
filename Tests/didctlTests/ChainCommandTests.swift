import Node
import Foundation
import Testing

/// `didctl init` and `didctl chain ...` as a user runs them: output, exit codes, refusals.
struct ChainCommandTests {
    @Test("init creates a chain, refuses a second init, and chain info reports height 0 in JSON")
    func initAndInfo() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try Didctl.run(["init", "--data-dir", root.path, "--chain-id", "cli-test", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let created = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(created?["chainId"] as? String == "cli-test")
        #expect((created?["nodeId"] as? String)?.count == 64)

        let second = try Didctl.run(["init", "--data-dir", root.path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already holds a chain"))

        let info = try Didctl.run(["chain", "info", "--data-dir", root.path, "--json"])
        #expect(info.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        #expect(object?["height"] as? Int == 0)
        #expect((object?["headHash"] as? String)?.count == 64)
        #expect(object?["nodeId"] as? String == created?["nodeId"] as? String)
    }

    @Test("commands on a missing chain fail with exit 1 and one sentence; bad usage exits 2")
    func errors() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let missing = try Didctl.run(["chain", "verify", "--data-dir", root.appendingPathComponent("none").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: No chain in"))
        let usage = try Didctl.run(["chain", "blocks", "--limit", "many"])
        #expect(usage.status == 2)
    }

    @Test("chain verify exits 1 and names the block after a transaction row is edited by hand")
    func tamperDetected() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let bench = try Didctl.run(["bench", "chain", "--data-dir", root.path, "--transactions", "300",
                                    "--latency-transactions", "0", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(try Didctl.run(["chain", "verify", "--data-dir", root.path]).status == 0)
        let ledger = root.appendingPathComponent("ledger.sqlite").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        // Flip the last byte of the body-length-independent tail (the signature) of one transaction.
        sqlite.arguments = [ledger, "UPDATE transactions SET bytes = substr(bytes, 1, length(bytes) - 1) || X'00' WHERE seq = 7;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let verify = try Didctl.run(["chain", "verify", "--data-dir", root.path, "--json"])
        #expect(verify.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any]
        #expect(report?["valid"] as? Bool == false)
        #expect(report?["firstBadBlock"] as? Int ?? 0 >= 1)
    }
}

struct NodeCommandTests {
    @Test("node admit executes with a committee of one, is refused when repeated, and rejects a malformed id")
    func admit() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Didctl.run(["init", "--data-dir", root.path]).status == 0)
        let nodeId = String(repeating: "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", count: 1)
        let admitted = try Didctl.run(["node", "admit", nodeId, "--data-dir", root.path, "--json"])
        #expect(admitted.status == 0, "\(admitted.stderr)")
        #expect(admitted.stdout.contains("\"admitted\" : true"))
        let again = try Didctl.run(["node", "admit", nodeId, "--data-dir", root.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already approved"))
        #expect(try Didctl.run(["node", "admit", "zz", "--data-dir", root.path]).status == 2)
    }
}
