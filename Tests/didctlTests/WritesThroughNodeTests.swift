import Foundation
import Testing

/// Writes through a running node (`--node URL`): the node is never stopped, the client keeps
/// its keys (the node gets no password for these accounts), and the chain verifies afterwards.
struct WritesThroughNodeTests {
    @Test("with the node running, did create, update and deactivate --node commit through it; without --node the command names --node")
    func didLifecycleThroughNode() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("alice", "partial")])
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        let url = node.url.absoluteString

        let local = try chain.run(["did", "create", "--account", "alice"], account: "alice")
        #expect(local.status == 1 && local.stderr.contains("--node"), "\(local.stderr)")

        let created = try chain.json(["did", "create", "--account", "alice", "--node", url], account: "alice")
        let did = try #require(created["did"] as? String)
        #expect((created["height"] as? Int ?? 0) > 0)
        let updated = try chain.json(["did", "update", did, "--account", "alice", "--add-service", "hub=LinkedDomains=https://alice.example",
                                      "--node", url], account: "alice")
        #expect(updated["versionId"] as? String == "2")
        let resolved = try chain.json(["did", "resolve", did, "--node", url])
        let services = (resolved["didDocument"] as? [String: Any])?["service"] as? [[String: Any]] ?? []
        #expect(services.count == 1, "\(resolved)")
        let deactivated = try chain.json(["did", "deactivate", did, "--account", "alice", "--node", url], account: "alice")
        #expect(deactivated["deactivated"] as? Bool == true)
        let again = try chain.run(["did", "update", did, "--account", "alice", "--add-service", "x=LinkedDomains=https://x.example",
                                   "--node", url], account: "alice")
        #expect(again.status == 1 && again.stderr.contains("deactivated"), "\(again.stderr)")

        // A wrong password is the client's own failure: nothing reaches the node.
        let wrong = try Didctl.run(["did", "create", "--account", "alice", "--node", url, "--data-dir", chain.root.path],
                                   environment: ["CHANCERY_PASSWORD": "not-it"])
        #expect(wrong.status == 1)
        node.stop()
        #expect(try chain.run(["chain", "verify"]).status == 0)
    }

    @Test("four clients create DIDs through one node at once; every acknowledged DID resolves and the chain verifies")
    func concurrentClients() throws {
        let names = ["c1", "c2", "c3", "c4"]
        let chain = try DIDCommandTests.Fixture(accounts: names.map { ($0, "partial") })
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        let url = node.url.absoluteString
        // Each client creates two DIDs in one shell, so the four run side by side.
        let processes = try names.map { name -> (Process, Pipe) in
            let process = Didctl.start(["did", "create", "--account", name, "--node", url, "--json", "--data-dir", chain.root.path],
                                       environment: ["CHANCERY_PASSWORD": "pw-\(name)"])
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, out)
        }
        defer { for (process, _) in processes where process.isRunning { process.terminate() } }
        var dids: [String] = []
        for (process, out) in processes {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let did = object["did"] as? String { dids.append(did) }
        }
        #expect(dids.count == 4 && Set(dids).count == 4)
        for did in dids {
            let resolved = try chain.run(["did", "resolve", did, "--node", url])
            #expect(resolved.status == 0, "\(did): \(resolved.stderr)")
        }
        node.stop()
        #expect(try chain.run(["chain", "verify"]).status == 0)
        for did in dids { #expect(try chain.run(["did", "resolve", did]).status == 0) }
    }

    @Test("an account that had no DID when the node opened it issues over HTTP once a DID is created through the node")
    func nodeSeesDIDsCreatedThroughIt() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("university", "partial")])
        defer { chain.remove() }
        let token = try #require(try chain.json(["node", "token", "create", "--account", "university"])["token"] as? String)
        let node = try RunningNode(dataDirectory: chain.root, environment: ["CHANCERY_PASSWORD": "pw-university"])
        defer { node.stop() }
        let issue = node.url.appendingPathComponent("credentials/issue")
        let before = try await NodeCredentialEndpointTests.post(issue, VCAPIIssue.body(issuer: "did:example:none-yet", subject: ["name": "Carol"]), bearer: token)
        #expect(before.status == 422 && "\(before.body["detail"] ?? "")".contains("no DID"), "\(before.body)")
        let did = try #require(try chain.json(["did", "create", "--account", "university", "--node", node.url.absoluteString], account: "university")["did"] as? String)
        let after = try await NodeCredentialEndpointTests.post(issue, VCAPIIssue.body(issuer: did, subject: ["name": "Carol"]), bearer: token)
        #expect(after.status == 201, "\(after.body)")
    }
}
