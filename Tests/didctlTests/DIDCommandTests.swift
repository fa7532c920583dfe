import Node
import Foundation
import Testing

/// `didctl did create/resolve/update/deactivate` as a user runs them, against a temporary chain.
struct DIDCommandTests {
    /// A fresh chain with accounts, and the commands run against it.
    struct Fixture {
        let root: URL

        /// - Parameter crypto: the chain's crypto suite (`didctl init --crypto`).
        init(accounts: [(name: String, custody: String)], crypto: String = "standard") throws {
            root = try Didctl.temporaryDirectory()
            #expect(try Didctl.run(["init", "--crypto", crypto, "--data-dir", root.path]).status == 0)
            for (name, custody) in accounts {
                let created = try run(["account", "create", name, "--custody", custody], account: name)
                #expect(created.status == 0, "\(created.stderr)")
            }
        }

        /// A fixture over a data directory made elsewhere.
        init(existing root: URL) { self.root = root }

        /// Runs `didctl` on this chain, with `account`'s password in the environment, and the
        /// passwords of the `also` accounts under their own names (a key added for another account).
        func run(_ arguments: [String], account: String = "", also: [String] = []) throws -> Didctl.Result {
            var environment = ["CHANCERY_PASSWORD": "pw-\(account)"]
            for other in also { environment["CHANCERY_PASSWORD_\(other.uppercased())"] = "pw-\(other)" }
            return try Didctl.run(arguments + ["--data-dir", root.path], environment: environment)
        }

        /// Runs `didctl ... --json` and reads its output as a JSON object.
        func json(_ arguments: [String], account: String = "", also: [String] = []) throws -> [String: Any] {
            let result = try run(arguments + ["--json"], account: account, also: also)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }

        func resolve(_ did: String, _ options: [String] = []) throws -> (document: [String: Any], metadata: [String: Any]) {
            let result = try run(["did", "resolve", did] + options)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return (try #require(object["didDocument"] as? [String: Any]), try #require(object["didDocumentMetadata"] as? [String: Any]))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func ids(_ document: [String: Any], _ member: String) -> [String] {
        (document[member] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("a partial-custody DID resolves at version 1; an update adds version 2 and version 1 still resolves")
    func createUpdateVersions() throws {
        let chain = try Fixture(accounts: [("alice", "partial")])
        defer { chain.remove() }
        let created = try chain.json(["did", "create", "--account", "alice"], account: "alice")
        let did = try #require(created["did"] as? String)
        #expect(did.hasPrefix("did:chancery:chancery-local:0x") && did.count == "did:chancery:chancery-local:0x".count + 40)
        #expect((created["transactionId"] as? String)?.isEmpty == false)
        #expect(created["height"] as? Int ?? 0 >= 1)

        let first = try chain.resolve(did)
        #expect(first.document["id"] as? String == did)
        #expect(Self.ids(first.document, "verificationMethod") == ["\(did)#key-1"])
        #expect(first.document["capabilityInvocation"] as? [String] == ["\(did)#key-1"])
        #expect(first.metadata["versionId"] as? String == "1")
        #expect(first.metadata["deactivated"] == nil)

        let updated = try chain.json(["did", "update", did, "--account", "alice", "--add-service", "agent=LinkedDomains=https://alice.example/"],
                                     account: "alice")
        #expect(updated["versionId"] as? String == "2")
        let second = try chain.resolve(did)
        #expect(second.metadata["versionId"] as? String == "2")
        let services = try #require(second.document["service"] as? [[String: Any]])
        #expect(services.first?["id"] as? String == "\(did)#agent")
        #expect(services.first?["serviceEndpoint"] as? String == "https://alice.example/")

        let old = try chain.resolve(did, ["--version-id", "1"])
        #expect(old.metadata["versionId"] as? String == "1")
        #expect(old.metadata["nextVersionId"] as? String == "2")
        #expect(old.document["service"] == nil)
        let missing = try chain.run(["did", "resolve", did, "--version-id", "9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("notFound"))
        let holder = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        #expect(try chain.json(["did", "update", did, "--account", "alice", "--add-controller", holder, "--remove-service", "agent"],
                               account: "alice")["versionId"] as? String == "3")
        let third = try chain.resolve(did)
        #expect(third.document["controller"] as? String == holder && third.document["service"] == nil)
        // Each DID has a fresh key of its own: the account's second DID is another DID.
        let another = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        #expect(another != did && another.hasPrefix("did:chancery:chancery-local:0x"))
    }

    @Test("rotating alice's key to bob's refuses alice's next update and accepts bob's")
    func rotation() throws {
        let chain = try Fixture(accounts: [("alice", "partial"), ("bob", "partial")])
        defer { chain.remove() }
        let did = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        let rotated = try chain.json(["did", "update", did, "--account", "alice", "--add-key", "bob", "--remove-key", "key-1"],
                                     account: "alice", also: ["bob"])
        #expect(rotated["versionId"] as? String == "2")
        let document = try chain.resolve(did).document
        #expect(Self.ids(document, "verificationMethod") == ["\(did)#key-2"])
        #expect(document["authentication"] as? [String] == ["\(did)#key-2"])

        let byAlice = try chain.run(["did", "update", did, "--account", "alice", "--add-service", "x=LinkedDomains=https://x.example/"],
                                    account: "alice")
        #expect(byAlice.status == 1)
        #expect(byAlice.stderr.contains("controller"), "\(byAlice.stderr)")
        let byBob = try chain.json(["did", "update", did, "--account", "bob", "--add-service", "x=LinkedDomains=https://x.example/"],
                                   account: "bob")
        #expect(byBob["versionId"] as? String == "3")
        let lockout = try chain.run(["did", "update", did, "--account", "bob", "--remove-key", "key-2"], account: "bob")
        #expect(lockout.status == 1)
        #expect(lockout.stderr.contains("no key that can change it"))
    }

    @Test("a full-custody DID is created through the vault, deactivated, still resolves, and refuses later updates")
    func fullCustodyDeactivation() throws {
        let chain = try Fixture(accounts: [("carol", "full")])
        defer { chain.remove() }
        let created = try chain.run(["did", "create", "--account", "carol", "--service", "home=LinkedDomains=https://carol.example/"],
                                    account: "carol")
        #expect(created.status == 0, "\(created.stderr)")
        let did = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(did.hasPrefix("did:chancery:chancery-local:0x"))
        #expect(Self.ids(try chain.resolve(did).document, "service") == ["\(did)#home"])

        let deactivated = try chain.json(["did", "deactivate", did, "--account", "carol"], account: "carol")
        #expect(deactivated["deactivated"] as? Bool == true)
        let resolved = try chain.resolve(did)
        #expect(resolved.metadata["deactivated"] as? Bool == true)
        #expect(resolved.metadata["versionId"] as? String == "2")
        let later = try chain.run(["did", "update", did, "--account", "carol", "--remove-service", "home"], account: "carol")
        #expect(later.status == 1)
        #expect(later.stderr.contains("deactivated"))
    }

    @Test("did:key resolves without a chain, matching the published vector's method id")
    func didKey() throws {
        let did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
        let vectorURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("specs/vectors/did-key/ed25519-x25519.json")
        let vectors = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: vectorURL)) as? [String: Any])
        let vector = try #require((vectors[did] as? [String: Any])?["didDocument"] as? [String: Any])

        let nowhere = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: nowhere) }
        let result = try Didctl.run(["did", "resolve", did, "--data-dir", nowhere.appendingPathComponent("none").path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let document = try #require(object["didDocument"] as? [String: Any])
        #expect(document["id"] as? String == did)
        #expect(Self.ids(document, "verificationMethod").first == Self.ids(vector, "verificationMethod").first)
        #expect((object["didResolutionMetadata"] as? [String: Any])?["contentType"] as? String == "application/did")

        let plain = try Didctl.run(["did", "resolve", did, "--accept", "application/did+json", "--data-dir", nowhere.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let plainDocument = try #require(plainObject["didDocument"] as? [String: Any])
        #expect(plainDocument["id"] as? String == did && plainDocument["@context"] == nil)
        let unsupported = try Didctl.run(["did", "resolve", did, "--accept", "text/plain", "--data-dir", nowhere.path])
        #expect(unsupported.status == 1)
        #expect(unsupported.stderr.contains("representationNotSupported"))
    }

    @Test("bad DIDs exit 1 with their resolution error; unknown DIDs are notFound; bad usage exits 2")
    func errors() throws {
        let chain = try Fixture(accounts: [])
        defer { chain.remove() }
        let invalid = try chain.run(["did", "resolve", "not-a-did"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasPrefix("error: invalidDid"))
        let invalidJSON = try chain.run(["did", "resolve", "not-a-did", "--json"])
        #expect(invalidJSON.status == 1 && invalidJSON.stdout.contains("\"type\": \"https://www.w3.org/ns/did#INVALID_DID\""), "\(invalidJSON.stdout)")
        let unknown = try chain.run(["did", "resolve", "did:chancery:chancery-local:0x0000000000000000000000000000000000000001"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("notFound"))
        let otherMethod = try chain.run(["did", "resolve", "did:web:example.com"])
        #expect(otherMethod.status == 1)
        #expect(otherMethod.stderr.contains("methodNotSupported"))
        let noAccount = try chain.run(["did", "create"])
        #expect(noAccount.status == 2)
        let noSuchAccount = try chain.run(["did", "create", "--account", "nobody"])
        #expect(noSuchAccount.status == 1)
        #expect(noSuchAccount.stderr.contains("No account named 'nobody'"))
        let did = "did:chancery:chancery-local:0x0000000000000000000000000000000000000001"
        #expect(try chain.run(["did", "update", did, "--add-service", "a=B=https://c/"]).status == 2)
        #expect(try chain.run(["did", "update", did, "--account", "x"]).status == 2)
        #expect(try chain.run(["did", "update", did, "--account", "x", "--add-service", "no-url"]).status == 2)
        #expect(try chain.run(["did", "deactivate", "did:key:z6Mk", "--account", "x"]).status == 2)
        #expect(try chain.run(["did", "resolve", did, "--version-time", "yesterday"]).status == 2)
    }
}
