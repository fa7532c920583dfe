import Node
import Foundation
import Testing

/// `didctl node token create|list|revoke` and what a running node makes of each token: a
/// token acts only while it lives, only as its own account, and is never shown again.
struct NodeTokenCommandTests {
    /// The body of a status change for a credential the node never issued: a live token gets
    /// past authentication to a 404, a dead one stops at 401.
    static var statusChange: [String: Any] { ["credentialId": "urn:uuid:00000000-0000-4000-8000-000000000000", "purpose": "revocation", "value": true] }

    @Test("tokens are listed by id without their secret, expire, and stop working when revoked; the node answers 401 for revoked and expired ones and lets a live one through")
    func lifecycle() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("university", "partial")])
        defer { chain.remove() }
        let live = try chain.json(["node", "token", "create", "--account", "university", "--days", "30"])
        let liveToken = try #require(live["token"] as? String)
        let revoked = try chain.json(["node", "token", "--account", "university"])
        let expired = try chain.json(["node", "token", "create", "--account", "university", "--days", "1"])
        let expiredToken = try #require(expired["token"] as? String), expiredID = try #require(expired["id"] as? String)

        let listed = try chain.run(["node", "token", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["tokens"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["id"] as? String }) == Set([live["id"], revoked["id"], expired["id"]].compactMap { $0 as? String }))
        #expect(rows.allSatisfy { $0["account"] as? String == "university" && $0["expired"] as? Bool == false })
        for token in [liveToken, expiredToken] { #expect(!listed.stdout.contains(token) && !listed.stdout.contains(String(token.prefix(12)))) }
        let file = chain.root.appendingPathComponent("issuer-tokens.json")
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(liveToken))

        let revokedID = try #require(revoked["id"] as? String)
        #expect(try chain.json(["node", "token", "revoke", revokedID])["revoked"] as? Bool == true)
        #expect(try chain.run(["node", "token", "revoke", revokedID]).status == 1)
        // The operator's clock moved past the second token's expiry: as if two days had passed.
        var stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: [String: Any]])
        let key = try #require(stored.keys.first { $0.hasPrefix(expiredID) })
        stored[key]?["expires"] = Int64(Date().timeIntervalSince1970 * 1000) - 86_400_000
        try JSONSerialization.data(withJSONObject: stored).write(to: file)
        let afterwards = try chain.run(["node", "token", "list"])
        #expect(afterwards.stdout.contains("\(expiredID)") && afterwards.stdout.contains("(expired)") && !afterwards.stdout.contains(revokedID))

        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        let status = node.url.appendingPathComponent("credentials/status")
        let allowed = try await NodeCredentialEndpointTests.post(status, Self.statusChange, bearer: liveToken)
        #expect(allowed.status == 404, "\(allowed.body)")
        let gone = try await NodeCredentialEndpointTests.post(status, Self.statusChange, bearer: try #require(revoked["token"] as? String))
        #expect(gone.status == 401 && (gone.body["detail"] as? String)?.contains("revoked") == true, "\(gone.body)")
        let old = try await NodeCredentialEndpointTests.post(status, Self.statusChange, bearer: expiredToken)
        #expect(old.status == 401 && (old.body["detail"] as? String)?.contains("expired") == true, "\(old.body)")
    }

    @Test("a token's lifetime is bounded and names an existing account")
    func refusals() throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("university", "partial")])
        defer { chain.remove() }
        for days in ["0", "-3", "100000"] {
            let refused = try chain.run(["node", "token", "create", "--account", "university", "--days", days])
            #expect(refused.status != 0 && refused.stdout.isEmpty, "\(days): \(refused.stdout)")
        }
        #expect(try chain.run(["node", "token", "create", "--account", "nobody"]).status == 1)
        #expect(try chain.run(["node", "token", "revoke", "abc"]).status == 1)
    }
}
