import Foundation
import Testing

/// `didctl chain migrate` (`specs/chain.md` §6.3): a ledger written in storage layout 1 is
/// refused with the command to run, and the command copies it into the current layout, checks
/// the copy as `chain verify` does and keeps the original.
struct ChainMigrateCommandTests {
    /// A data directory made by `Tests/Fixtures/make-ledger-layout1.sh` with the didctl of layout 1.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ledger-layout1")

    /// A fresh copy of the fixture's data directory, and its DIDs (issuer, holder).
    private static func copy() throws -> (chain: DIDCommandTests.Fixture, issuer: String, holder: String) {
        let root = try Didctl.temporaryDirectory()
        try FileManager.default.removeItem(at: root)
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("data"), to: root)
        // An account record names its keystore by the absolute path it was made at: point it at the copy.
        for name in ["alice", "university"] {
            let record = root.appendingPathComponent("accounts/\(name).json")
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any])
            object["keystore"] = root.appendingPathComponent("accounts/\(name).keystore").path
            try JSONSerialization.data(withJSONObject: object).write(to: record)
        }
        let ids = try String(contentsOf: fixture.appendingPathComponent("ids.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        return (DIDCommandTests.Fixture(existing: root), ids[0], ids[1])
    }

    /// Runs `node start`, which must refuse; a node that starts anyway is stopped by its pid at a deadline.
    private static func startNode(_ root: URL) throws -> Didctl.Result {
        let process = Didctl.start(["node", "start", "--listen", "127.0.0.1:0", "--data-dir", root.path])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Didctl.Result(status: process.terminationStatus, stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
                             stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test("a ledger of layout 1 is refused naming 'didctl chain migrate'; migrated, it verifies, resolves every version, verifies its credential and takes new writes")
    func migratesTheFirstLayout() throws {
        let (chain, issuer, holder) = try Self.copy()
        defer { chain.remove() }
        let ledger = chain.root.appendingPathComponent("ledger.sqlite")
        let original = try Data(contentsOf: ledger)

        let refused = try chain.run(["chain", "info"])
        #expect(refused.status == 1 && refused.stderr.contains("didctl chain migrate"), "\(refused.stderr)")
        let started = try Self.startNode(chain.root)
        #expect(started.status == 1 && started.stderr.contains("didctl chain migrate") && started.stderr.contains(ledger.path), "\(started.stderr)")
        #expect(try Data(contentsOf: ledger) == original, "a refused ledger was changed")

        let migrated = try chain.json(["chain", "migrate"])
        #expect(migrated["migrated"] as? Bool == true && migrated["fromLayout"] as? Int == 1 && migrated["layout"] as? Int == 3, "\(migrated)")
        #expect((migrated["transactions"] as? Int ?? 0) >= 7, "\(migrated)")
        let kept = chain.root.appendingPathComponent("ledger.sqlite.layout1")
        #expect(try Data(contentsOf: kept) == original, "the original was not kept as it was")

        let verified = try chain.json(["chain", "verify"])
        #expect(verified["valid"] as? Bool == true, "\(verified)")
        #expect(try chain.resolve(holder).metadata["versionId"] as? String == "2")
        let first = try chain.resolve(holder, ["--version-id", "1"])
        #expect(first.metadata["nextVersionId"] as? String == "2" && first.document["service"] == nil)
        #expect(try chain.resolve(issuer).metadata["versionId"] as? String == "1")
        let credentials = try FileManager.default.contentsOfDirectory(at: Self.fixture.appendingPathComponent("credentials"),
                                                                      includingPropertiesForKeys: nil)
        let credential = try #require(credentials.first { $0.pathExtension == "jwt" || $0.pathExtension == "json" })
        let checked = try chain.run(["credential", "verify", credential.path, "--policy", "accredited"])
        #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")

        let again = try chain.json(["chain", "migrate"])
        #expect(again["migrated"] as? Bool == false)
        let created = try chain.run(["did", "create", "--account", "alice"], account: "alice")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try chain.json(["chain", "verify"])["valid"] as? Bool == true)
    }

    @Test("a ledger of layout 2 is given the recent lookup tier in place by 'chain migrate' (or any writing open), nothing copied, and verifies")
    func upgradesLayoutTwoInPlace() throws {
        let (chain, _, holder) = try Self.copy()
        defer { chain.remove() }
        #expect(try chain.json(["chain", "migrate"])["layout"] as? Int == 3)
        let ledger = chain.root.appendingPathComponent("ledger.sqlite")
        // What layout 2 wrote: every lookup entry in `lookup`, no `pending` table, no merge state.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [ledger.path, """
            INSERT OR IGNORE INTO lookup(entry) SELECT (prefix << 32) | (slot >> 2) FROM pending; DROP TABLE pending;
            DELETE FROM meta WHERE key = 'lookupMerge'; UPDATE meta SET value = CAST('2' AS BLOB) WHERE key = 'layout';
            """]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)

        let upgraded = try chain.json(["chain", "migrate"])
        #expect(upgraded["migrated"] as? Bool == true && upgraded["fromLayout"] as? Int == 2 && upgraded["layout"] as? Int == 3, "\(upgraded)")
        #expect(upgraded["original"] == nil && upgraded["blocks"] == nil, "\(upgraded)")
        #expect(!FileManager.default.fileExists(atPath: ledger.path + ".layout2"))
        #expect(try chain.json(["chain", "verify"])["valid"] as? Bool == true)
        #expect(try chain.json(["chain", "migrate"])["migrated"] as? Bool == false)
        #expect(try chain.resolve(holder).metadata["versionId"] as? String == "2")
    }
}
