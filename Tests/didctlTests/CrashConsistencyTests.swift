import Foundation
import Testing

/// Crash consistency through the API: clients write through the node while it is killed with
/// SIGKILL at random moments; after each restart every acknowledged write is there, the ledger
/// verifies, and the auditor's index follows it. `make soak` runs the same with more kills
/// (`CHANCERY_CRASH_KILLS`).
struct CrashConsistencyTests {
    /// What the clients printed for each acknowledged write, by kind; guarded by `lock`.
    final class Acknowledged: @unchecked Sendable {
        let lock = NSLock()
        var dids: [String] = [], cpts: [String] = [], issued: [(file: String, anchor: String)] = [], revoked: [String] = []
    }

    static var kills: Int { Int(ProcessInfo.processInfo.environment["CHANCERY_CRASH_KILLS"] ?? "") ?? 5 }

    @Test("a node killed with SIGKILL while four clients write through it (DIDs, CPTs, issuance, revocation) keeps every acknowledged write, and the ledger and audit index agree after each restart")
    func killsUnderLoad() async throws {
        let setup = try CredentialCommandTests.Issuing()
        let chain = setup.chain
        defer { chain.remove() }
        for name in ["registrant", "author"] {
            #expect(try chain.run(["account", "create", name, "--custody", "partial"], account: name).status == 0)
        }
        _ = try chain.json(["did", "create", "--account", "author"], account: "author")
        var toRevoke = try (0..<Self.kills).map { try setup.issue(#"{"id": "\#(setup.holder)", "name": "R\#($0)", "degree": "BSc", "year": 2026}"#) }
        let preIssued = toRevoke
        let subject = chain.root.appendingPathComponent("subject.json")
        try Data(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#.utf8).write(to: subject)
        let acknowledged = Acknowledged()
        var schemaCount = 0

        for round in 0..<Self.kills {
            let node = try RunningNode(dataDirectory: chain.root)
            defer { node.stop() }
            let url = node.url.absoluteString
            let revoking = Array(toRevoke.prefix(1))
            toRevoke.removeFirst(min(1, toRevoke.count))
            let schemas = try (0..<3).map { index -> URL in
                schemaCount += 1
                let file = chain.root.appendingPathComponent("schema-\(schemaCount).json")
                try Data(CredentialCommandTests.schema.replacingOccurrences(of: "Diploma", with: "Diploma \(round)-\(index)").utf8).write(to: file)
                return file
            }
            let clients: [(account: String, commands: [[String]])] = [
                ("registrant", (0..<4).map { _ in ["did", "create", "--account", "registrant"] }),
                ("author", schemas.map { ["cpt", "register", "--account", "author", "--schema", $0.path] }),
                ("university", (0..<3).map { ["credential", "issue", "--account", "university", "--cpt", setup.cpt, "--subject", subject.path,
                                              "--out", chain.root.appendingPathComponent("issued-\(round)-\($0)").path] }),
                ("university", revoking.map { ["credential", "revoke", $0.id, "--account", "university"] }),
            ]
            let pid = node.process.processIdentifier
            try await offThePool { DispatchQueue.concurrentPerform(iterations: clients.count + 1) { index in
                guard index < clients.count else {
                    // The killer: somewhere between the first writes and the last.
                    Thread.sleep(forTimeInterval: Double.random(in: 0.3...2.5))
                    kill(pid, SIGKILL)
                    return
                }
                for command in clients[index].commands {
                    guard let result = try? chain.run(command + ["--node", url, "--json"], account: clients[index].account),
                          result.status == 0,
                          let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] else { break }
                    acknowledged.lock.withLock {
                        switch command[0] {
                        case "did": if let did = object["did"] as? String { acknowledged.dids.append(did) }
                        case "cpt": if let id = object["id"] as? String { acknowledged.cpts.append(id) }
                        case "credential" where command[1] == "issue":
                            if let file = object["file"] as? String { acknowledged.issued.append((file, object["anchorTransaction"] as? String ?? "")) }
                        default: acknowledged.revoked.append(command[2])
                        }
                    }
                }
            } }
            node.process.waitUntilExit()
            #expect(node.process.terminationReason == .uncaughtSignal, "round \(round): the node was not killed")
            // After the restart: nothing acknowledged is missing, and the ledger verifies.
            #expect(try chain.run(["chain", "verify"]).status == 0, "round \(round)")
        }

        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        let url = node.url.absoluteString
        #expect(!acknowledged.dids.isEmpty || !acknowledged.cpts.isEmpty, "no write was acknowledged before the kills")
        for did in acknowledged.dids { #expect(try chain.run(["did", "resolve", did, "--node", url]).status == 0, "\(did)") }
        for cpt in acknowledged.cpts { #expect(try chain.run(["cpt", "show", cpt, "--node", url]).status == 0, "\(cpt)") }
        for credential in acknowledged.issued {
            #expect(try chain.run(["credential", "verify", credential.file, "--policy", "accredited", "--node", url]).status == 0, "\(credential.file)")
        }
        for id in acknowledged.revoked {
            let file = try #require(preIssued.first { $0.id == id }?.file)
            let verified = try chain.run(["credential", "verify", file.path, "--node", url])
            #expect(verified.status == 1 && verified.stdout.contains("revoked"), "\(id): \(verified.stdout)")
        }
        node.stop()
        // The auditor's index, caught up after the crashes, holds every acknowledged anchor.
        let trace = try chain.run(["audit", "trace", "university", "--json"])
        #expect(trace.status == 0, "\(trace.stderr)")
        for credential in acknowledged.issued where !credential.anchor.isEmpty {
            #expect(trace.stdout.contains(credential.anchor), "anchor \(credential.anchor) missing from the audit index")
        }
        // Every DID of the registrant's on the chain has its key recorded with the client, answered or not.
        let registrant = try chain.run(["audit", "trace", "registrant", "--json"])
        let created = registrant.stdout.components(separatedBy: "did.create").count - 1
        let keys = try AccountFiles.didKeys(root: chain.root, account: "registrant").count
        #expect(created >= acknowledged.dids.count && keys >= created, "\(created) DIDs on the chain, \(keys) keys recorded")
        #expect(try chain.run(["chain", "verify"]).status == 0)
    }
}
