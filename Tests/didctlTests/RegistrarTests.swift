import Foundation
import Testing

/// The DID registrar (DIF Universal Registrar v1 shape) over a real socket: a logged-in
/// full-custody account creates, updates and deactivates its DIDs through the node; the node
/// never gets the password beyond the log-in, and a session acts for its own DIDs only.
struct RegistrarTests {
    @Test("a session creates a DID with a service, adds and removes services, deactivates it; each answer is a finished didState and the DID resolves as written")
    func lifecycle() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("bob", "full")])
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root, environment: ["CHANCERY_PASSWORD": ""])
        defer { node.stop() }
        let opened = try await SessionTests.post(node.url.appendingPathComponent("sessions"), ["username": "bob", "password": "pw-bob"])
        let session = try #require(opened.body["token"] as? String, "\(opened.body)")
        let registrar = node.url.appendingPathComponent("1.0")

        let created = try await SessionTests.post(URL(string: registrar.appendingPathComponent("create").absoluteString + "?method=chancery")!, [
            "jobId": NSNull(), "options": [:], "secret": [:],
            "didDocument": ["service": [["id": "#hub", "type": "LinkedDomains", "serviceEndpoint": "https://bob.example"]]],
        ], bearer: session)
        #expect(created.status == 201, "\(created.body)")
        let state = created.body["didState"] as? [String: Any] ?? [:]
        #expect(state["state"] as? String == "finished", "\(created.body)")
        let did = try #require(state["did"] as? String)
        #expect(did.hasPrefix("did:chancery:"))
        #expect((created.body["didDocumentMetadata"] as? [String: Any])?["versionId"] as? String == "1")

        let added = try await SessionTests.post(registrar.appendingPathComponent("update"), [
            "did": did, "didDocumentOperation": ["addToDidDocument"],
            "didDocument": [["service": [["id": "\(did)#inbox", "type": "DIDCommMessaging", "serviceEndpoint": "https://bob.example/inbox"]]]],
        ], bearer: session)
        #expect(added.status == 200 && (added.body["didState"] as? [String: Any])?["state"] as? String == "finished", "\(added.body)")
        let removed = try await SessionTests.post(registrar.appendingPathComponent("update"), [
            "did": did, "didDocumentOperation": ["removeFromDidDocument"],
            "didDocument": [["service": [["id": "#hub", "type": "LinkedDomains", "serviceEndpoint": "https://bob.example"]]]],
        ], bearer: session)
        #expect(removed.status == 200, "\(removed.body)")
        let resolved = try chain.json(["did", "resolve", did, "--node", node.url.absoluteString])
        let services = ((resolved["didDocument"] as? [String: Any])?["service"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(services == ["\(did)#inbox"], "\(resolved)")

        let missing = try await SessionTests.post(registrar.appendingPathComponent("update"), [
            "did": did, "didDocumentOperation": ["removeFromDidDocument"],
            "didDocument": [["service": [["id": "#nothing", "type": "X", "serviceEndpoint": "https://x.example"]]]],
        ], bearer: session)
        #expect(missing.status == 400 && (missing.body["didState"] as? [String: Any])?["state"] as? String == "failed", "\(missing.body)")

        let deactivated = try await SessionTests.post(registrar.appendingPathComponent("deactivate"), ["did": did], bearer: session)
        #expect(deactivated.status == 200, "\(deactivated.body)")
        let again = try await SessionTests.post(registrar.appendingPathComponent("deactivate"), ["did": did], bearer: session)
        let reason = (again.body["didState"] as? [String: Any])?["reason"] as? String ?? ""
        #expect(again.status == 409 && reason.contains("deactivated"), "\(again.body)")
        // A DID this chain never registered is not found; a document whose `service` is not a list is malformed.
        let unknown = try await SessionTests.post(registrar.appendingPathComponent("update"),
                                                  ["did": "did:chancery:elsewhere:0x0000000000000000000000000000000000000000"], bearer: session)
        #expect(unknown.status == 404 && ((unknown.body["didState"] as? [String: Any])?["reason"] as? String ?? "").contains("notFound"),
                "\(unknown.body)")
        let notAList = try await SessionTests.post(registrar.appendingPathComponent("create"),
                                                   ["didDocument": ["service": ["id": "#hub"]], "secret": [:]], bearer: session)
        #expect(notAList.status == 400 && ((notAList.body["didState"] as? [String: Any])?["reason"] as? String ?? "").contains("array"),
                "\(notAList.body)")

        // A DID made in the session has its key in bob's vault under his password alone: after
        // the node stops, the CLI with the password changes it.
        let second = try await SessionTests.post(registrar.appendingPathComponent("create"), ["didDocument": [:]], bearer: session)
        let secondDID = try #require((second.body["didState"] as? [String: Any])?["did"] as? String, "\(second.body)")
        node.stop()
        #expect(try chain.run(["chain", "verify"]).status == 0)
        let updated = try chain.json(["did", "update", secondDID, "--account", "bob", "--add-service", "x=LinkedDomains=https://x.example"],
                                     account: "bob")
        #expect(updated["versionId"] as? String == "2", "\(updated)")
        #expect(try AccountFiles.didKeys(root: chain.root, account: "bob").contains { $0["did"] as? String == did })
    }

    @Test("the registrar refuses without a session, with an issuer token, for another account's DID, for another method, and for documents that set keys")
    func refusals() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("bob", "full"), ("alice", "partial")])
        defer { chain.remove() }
        let aliceDID = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        let aliceToken = try #require(try chain.json(["node", "token", "create", "--account", "alice"])["token"] as? String)
        let node = try RunningNode(dataDirectory: chain.root, environment: ["CHANCERY_PASSWORD_ALICE": "pw-alice", "CHANCERY_PASSWORD": ""])
        defer { node.stop() }
        let session = try #require(try await SessionTests.post(node.url.appendingPathComponent("sessions"),
                                                               ["username": "bob", "password": "pw-bob"]).body["token"] as? String)
        let registrar = node.url.appendingPathComponent("1.0")
        func failed(_ answer: (body: [String: Any], status: Int, retryAfter: String?)) -> String {
            (answer.body["didState"] as? [String: Any])?["state"] as? String == "failed"
                ? (answer.body["didState"] as? [String: Any])?["reason"] as? String ?? "" : "not failed: \(answer.body)"
        }
        let create = registrar.appendingPathComponent("create")
        let anonymous = try await SessionTests.post(create, ["didDocument": [:]])
        #expect(anonymous.status == 401 && failed(anonymous).contains("session"), "\(anonymous.body)")
        let token = try await SessionTests.post(create, ["didDocument": [:]], bearer: aliceToken)
        #expect(token.status == 401, "an issuer token is not a log-in: \(token.body)")
        let closed = try await SessionTests.post(create, ["didDocument": [:]], bearer: "chs_" + String(repeating: "A", count: 43))
        #expect(closed.status == 401)
        let otherMethod = try await SessionTests.post(URL(string: create.absoluteString + "?method=web")!, ["didDocument": [:]], bearer: session)
        #expect(otherMethod.status == 400 && failed(otherMethod).contains("did:chancery"), "\(otherMethod.body)")
        let keys = try await SessionTests.post(create, ["didDocument": ["verificationMethod": []]], bearer: session)
        #expect(keys.status == 400 && failed(keys).contains("verificationMethod"), "\(keys.body)")
        let foreign = try await SessionTests.post(registrar.appendingPathComponent("deactivate"), ["did": aliceDID], bearer: session)
        #expect(foreign.status == 400 && failed(foreign).contains("holds no key"), "\(foreign.body)")
        let resolved = try chain.json(["did", "resolve", aliceDID, "--node", node.url.absoluteString])
        #expect((resolved["didDocumentMetadata"] as? [String: Any])?["deactivated"] as? Bool != true, "alice's DID is untouched")
    }
}
