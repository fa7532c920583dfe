import Foundation
import Testing

/// A node whose ledger cannot grow answers writes with the cause, keeps serving reads and
/// verifications, loses nothing, and takes writes again once space returns, without a restart.
/// The disk is "full" through a file size limit on the node's process (RLIMIT_FSIZE, set with
/// util-linux `prlimit`, raised again on the running process): no root, no mount. The read-only
/// case needs a real file system turning read-only under the running node: an ext4 loop mount
/// whose journal is aborted (root, as on the CI machine).
@Suite(.serialized)
struct StorageFaultTests {
    @Test("under a file size limit writes answer 507 naming it, reads and verification go on, and writes resume when the limit is raised")
    func fileSizeLimit() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("alice", "partial")])
        defer { chain.remove() }
        let first = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        let ledger = chain.root.appendingPathComponent("ledger.sqlite")
        let size = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0 }
        // Room for the shared-memory index and the files as they are, and little more.
        let limit = max(65_536, size(ledger) + 8_192)
        let node = try RunningNode(dataDirectory: chain.root, launcher: ["/usr/bin/prlimit", "--fsize=\(limit):unlimited", "--"])
        defer { node.stop() }
        let url = node.url.absoluteString

        // Written until refused, off Swift's cooperative threads (each run waits for a process).
        let (refusal, written) = try await offThePool { () throws -> (Didctl.Result?, [String]) in
            var written: [String] = []
            for _ in 0..<40 {
                let result = try chain.run(["did", "create", "--account", "alice", "--node", url, "--json"], account: "alice")
                guard result.status == 0 else { return (result, written) }
                if let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                   let did = object["did"] as? String { written.append(did) }
            }
            return (nil, written)
        }
        let refused = try #require(refusal, "40 DIDs were written under a \(limit)-byte file size limit")
        #expect(refused.stderr.contains("507") && refused.stderr.contains("file size limit"), "\(refused.stderr)")

        // Reads and verification go on.
        let (health, status) = try await NodeStartCommandTests.get(node.url.appendingPathComponent("healthz"))
        #expect(status == 200, "\(String(decoding: health, as: UTF8.self))")
        for did in [first] + written { #expect(try chain.run(["did", "resolve", did, "--node", url]).status == 0, "\(did)") }

        // Space returns: the same running node takes writes again.
        let raised = Process()
        raised.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        raised.arguments = ["--pid", String(node.process.processIdentifier), "--fsize=unlimited:unlimited"]
        try raised.run()
        raised.waitUntilExit()
        #expect(raised.terminationStatus == 0)
        let again = try chain.run(["did", "create", "--account", "alice", "--node", url, "--json"], account: "alice")
        #expect(again.status == 0, "\(again.stderr)")
        node.stop()
        let verified = try chain.run(["chain", "verify"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
    }

    @Test("when the ledger's file system turns read-only under the node, writes answer 503 naming it, reads go on, and after repair every acknowledged write is there and the chain verifies")
    func readOnlyFileSystem() async throws {
        // The client keeps its accounts in a writable directory; the node's copy lives on the loop mount.
        let client = try DIDCommandTests.Fixture(accounts: [("alice", "partial")])
        defer { client.remove() }
        let first = try #require(try client.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        let mount = try LoopMount(megabytes: 64)
        defer { mount.remove() }
        let data = mount.directory.appendingPathComponent("data")
        try FileManager.default.copyItem(at: client.root, to: data)
        try mount.sync()
        let node = try RunningNode(dataDirectory: data)
        defer { node.stop() }
        let url = node.url.absoluteString
        let create = { @Sendable () throws -> Didctl.Result in
            try client.run(["did", "create", "--account", "alice", "--node", url, "--json"], account: "alice")
        }
        let acknowledged = try await offThePool { () throws -> [String] in
            try (0..<3).map { _ in
                let result = try create()
                let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
                return try #require(object?["did"] as? String, "\(result.stderr)")
            }
        }

        try mount.abortJournal()
        let refused = try await offThePool { try create() }
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("503") && refused.stderr.contains("read-only"), "\(refused.stderr)")

        // Reads and verification go on from the read-only ledger.
        let (health, status) = try await NodeStartCommandTests.get(node.url.appendingPathComponent("healthz"))
        #expect(status == 200, "\(String(decoding: health, as: UTF8.self))")
        for did in [first] + acknowledged {
            let resolved = try await offThePool { try client.run(["did", "resolve", did, "--node", url]) }
            #expect(resolved.status == 0, "\(did): \(resolved.stderr)")
        }

        // Repaired and writable again: everything acknowledged is there and the chain verifies.
        node.stop()
        try mount.repairAndRemount()
        let repaired = DIDCommandTests.Fixture(existing: data)
        let verified = try repaired.run(["chain", "verify"])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        for did in [first] + acknowledged {
            let resolved = try repaired.run(["did", "resolve", did])
            #expect(resolved.status == 0, "\(did): \(resolved.stderr)")
        }
        let again = try await offThePool { () throws -> Didctl.Result in
            let restarted = try RunningNode(dataDirectory: data)
            defer { restarted.stop() }
            return try client.run(["did", "create", "--account", "alice", "--node", restarted.url.absoluteString, "--json"], account: "alice")
        }
        #expect(again.status == 0, "\(again.stderr)")
    }
}
