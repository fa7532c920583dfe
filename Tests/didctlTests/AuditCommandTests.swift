import Node
import Foundation
import Testing

/// `didctl audit link/trace/log` as an auditor runs them: each query is recorded on the chain
/// (one `audit.query` transaction, one block) before it is answered.
struct AuditCommandTests {
    /// Runs `didctl ... --json` on a data directory and reads its output as a JSON object.
    static func json(_ arguments: [String], _ root: URL, password: String = "") throws -> [String: Any] {
        let result = try Didctl.run(arguments + ["--data-dir", root.path, "--json"], environment: ["CHANCERY_PASSWORD": password])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func height(_ root: URL) throws -> Int { try #require(try json(["chain", "info"], root)["height"] as? Int) }

    static func entries(_ answer: [String: Any], _ member: String) -> [[String: Any]] { answer[member] as? [[String: Any]] ?? [] }

    @Test("trace, link and log answer what the index attributes, and each query adds one audit.query block")
    func queriesAreAnsweredAndRecorded() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Didctl.run(["init", "--data-dir", root.path]).status == 0)
        let genesis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("genesis.json"))) as? [String: Any])
        let operatorHandle = try #require((genesis["members"] as? [[String: Any]])?.first?["handle"] as? String)
        let alice = try Self.json(["account", "create", "alice", "--custody", "partial"], root, password: "pw-alice")
        let bob = try Self.json(["account", "create", "bob", "--custody", "partial"], root, password: "pw-bob")
        let did = try Self.json(["did", "create", "--account", "alice"], root, password: "pw-alice")
        let (aliceHandle, didText) = (try #require(alice["memberHandle"] as? String), try #require(did["did"] as? String))
        let submitted = [alice, bob, did].compactMap { $0["transactionId"] as? String }
        #expect(submitted.count == 3)
        let start = try Self.height(root)

        // The admission approvals go under the operator's one-time keys; alice's DID goes under
        // one-time keys certified through alice's own keystore, so the auditor links it to her.
        let aliceTrace = try Self.json(["audit", "trace", "alice"], root)
        #expect(aliceTrace["memberHandle"] as? String == aliceHandle)
        #expect(aliceTrace["account"] as? String == "alice" && aliceTrace["memberName"] as? String == "alice")
        #expect(Self.entries(aliceTrace, "entries").compactMap { $0["transactionId"] as? String } == [submitted[2]])
        #expect(try Self.height(root) == start + 1)
        #expect(aliceTrace["recordHeight"] as? Int == start + 1)

        let link = try Self.json(["audit", "link", submitted[0]], root)
        #expect(link["memberHandle"] as? String == operatorHandle && link["memberName"] as? String == "operator")
        #expect(link["type"] as? String == "gov.approve" && link["transactionId"] as? String == submitted[0])
        #expect(try Self.height(root) == start + 2)

        let operatorTrace = try Self.json(["audit", "trace", "operator"], root)
        let traced = Self.entries(operatorTrace, "entries")
        #expect(traced.compactMap { $0["type"] as? String }
            == ["gov.approve", "gov.approve", "audit.query", "audit.query", "audit.query"])
        #expect(Array(traced.compactMap { $0["transactionId"] as? String }.prefix(2)) == Array(submitted.prefix(2)))
        #expect(traced.last?["transactionId"] as? String == operatorTrace["recordTransactionId"] as? String)
        #expect(traced.allSatisfy { $0["memberHandle"] as? String == operatorHandle })
        #expect(try Self.height(root) == start + 3)

        let narrowed = try Self.json(["audit", "trace", aliceHandle, "--type", "did.create"], root)
        #expect(Self.entries(narrowed, "entries").compactMap { $0["transactionId"] as? String } == [submitted[2]])
        #expect((narrowed["scope"] as? [String: Any])?["types"] as? [String] == ["did.create"])
        #expect(try Self.height(root) == start + 4)

        // A DID is traced to the member that submitted its did.create: one link and one trace record.
        let didTrace = try Self.json(["audit", "trace", didText], root)
        #expect(didTrace["memberHandle"] as? String == aliceHandle && didTrace["did"] as? String == didText)
        #expect(didTrace["linkRecordTransactionId"] as? String != nil)
        #expect(try Self.height(root) == start + 6)

        let log = try Self.json(["audit", "log"], root)
        let queries = Self.entries(log, "queries")
        #expect(queries.compactMap { $0["query"] as? String } == ["trace", "link", "trace", "trace", "link", "trace", "log"])
        #expect(queries.compactMap { $0["auditor"] as? String } == Array(repeating: "auditor", count: 7))
        #expect(queries[0]["subject"] as? String == aliceHandle && queries[1]["subject"] as? String == submitted[0])
        #expect(queries[4]["subject"] as? String == submitted[2])
        #expect(queries.last?["transactionId"] as? String == log["recordTransactionId"] as? String)
        #expect(try Self.height(root) == start + 7)

        let text = try Didctl.run(["audit", "link", submitted[2], "--data-dir", root.path])
        #expect(text.status == 0 && text.stdout.contains(aliceHandle) && text.stdout.contains("member 'alice'"))
        #expect(try Didctl.run(["chain", "verify", "--data-dir", root.path]).status == 0)
    }

    @Test("a data dir without the auditor keys is refused with exit 1 and records nothing; a bad TXID is bad usage")
    func auditorKeyRequired() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let original = root.appendingPathComponent("auditor"), copy = root.appendingPathComponent("copy")
        #expect(try Didctl.run(["init", "--data-dir", original.path]).status == 0)
        try FileManager.default.copyItem(at: original, to: copy)
        for name in ["auditor", "auditor-signing"] {
            try FileManager.default.removeItem(at: copy.appendingPathComponent("keys/\(name).key"))
        }
        let before = try Self.height(copy)
        for arguments in [["audit", "log"], ["audit", "trace", "operator"]] {
            let refused = try Didctl.run(arguments + ["--data-dir", copy.path])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("auditor key required"), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        #expect(try Self.height(copy) == before)

        let badUsage = try Didctl.run(["audit", "link", "not-a-transaction", "--data-dir", original.path])
        #expect(badUsage.status == 2)
        let unknown = try Didctl.run(["audit", "link", String(repeating: "ab", count: 32), "--data-dir", original.path])
        #expect(unknown.status == 1 && unknown.stderr.contains("not in the audit index"))
        #expect(try Self.height(original) == before)
    }
}
