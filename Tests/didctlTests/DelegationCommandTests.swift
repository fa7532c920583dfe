import Node
import Foundation
import Testing

/// `didctl account delegate / revoke-delegation` and `did update --delegation`: a delegate acts
/// for an account's DID within its purposes and rate limit until the account revokes it.
struct DelegationCommandTests {
    @Test("a delegate updates the account's DID under an operations delegation; a key change, a second update in the window, and use after revocation are refused")
    func delegateUpdateRevoke() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("alice", "partial"), ("bob", "partial"), ("carol", "partial")])
        defer { chain.remove() }
        let alice = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        let bob = try #require(try chain.json(["did", "create", "--account", "bob"], account: "bob")["did"] as? String)
        #expect(FileManager.default.fileExists(atPath: chain.root.appendingPathComponent("auditor-epochs.json").path))

        let badRate = try chain.run(["account", "delegate", "alice", "--to", bob, "--purpose", "operations", "--rate", "3/fortnight"],
                                    account: "alice")
        #expect(badRate.status == 2 && badRate.stderr.contains("N/PERIOD"))
        let grant = try chain.json(["account", "delegate", "alice", "--to", bob, "--purpose", "operations", "--rate", "1/h",
                                    "--until", "2099-01-01T00:00:00Z"], account: "alice")
        let id = try #require(grant["id"] as? String)
        #expect(id.count == 64 && grant["delegator"] as? String == alice && grant["purposes"] as? [String] == ["operations"])
        #expect(grant["validUntil"] as? String == "2099-01-01T00:00:00Z")

        let updated = try chain.json(["did", "update", alice, "--account", "bob", "--delegation", id,
                                      "--add-service", "agent=LinkedDomains=https://agent.example/"], account: "bob")
        #expect(updated["versionId"] as? String == "2")
        let services = try chain.resolve(alice).document["service"] as? [[String: Any]]
        #expect(services?.compactMap { $0["id"] as? String } == ["\(alice)#agent"])

        let rotation = try chain.run(["did", "update", alice, "--account", "bob", "--delegation", id,
                                      "--add-key", "carol", "--remove-key", "key-1"], account: "bob", also: ["carol"])
        #expect(rotation.status == 1 && rotation.stderr.contains("needs a recovery delegation"), "\(rotation.stderr)")
        let second = try chain.run(["did", "update", alice, "--account", "bob", "--delegation", id,
                                    "--add-service", "more=LinkedDomains=https://more.example/"], account: "bob")
        #expect(second.status == 1 && second.stderr.contains("window is used up"), "\(second.stderr)")

        let byBob = try chain.run(["account", "revoke-delegation", id, "--account", "bob"], account: "bob")
        #expect(byBob.status == 1 && byBob.stderr.contains("not signed by the key that granted"), "\(byBob.stderr)")
        let revoked = try chain.json(["account", "revoke-delegation", id, "--account", "alice"], account: "alice")
        #expect(revoked["revoked"] as? Bool == true)
        let recovery = try chain.json(["account", "delegate", "alice", "--to", bob, "--purpose", "recovery"], account: "alice")
        let afterRevocation = try chain.run(["did", "deactivate", alice, "--account", "bob", "--delegation", id], account: "bob")
        #expect(afterRevocation.status == 1 && afterRevocation.stderr.contains("was revoked"), "\(afterRevocation.stderr)")

        // A recovery delegation lets bob move alice's DID to carol's key.
        let recovered = try chain.json(["did", "update", alice, "--account", "bob", "--delegation", try #require(recovery["id"] as? String),
                                        "--add-key", "carol", "--remove-key", "key-1"], account: "bob", also: ["carol"])
        #expect(recovered["versionId"] as? String == "3")
        #expect(DIDCommandTests.ids(try chain.resolve(alice).document, "verificationMethod") == ["\(alice)#key-2"])
        #expect(try chain.run(["chain", "verify"]).status == 0)
    }
}
