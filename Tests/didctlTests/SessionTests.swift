import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Log-in sessions of full-custody accounts over a real socket: the node gets no password for
/// them; a session acts for its own account only, ends on `DELETE /sessions/current`, and wrong
/// passwords lock the account as the vault's policy says while the node serves others.
struct SessionTests {
    static func post(_ url: URL, _ body: Any, bearer: String? = nil) async throws -> (body: [String: Any], status: Int, retryAfter: String?) {
        let answer = try await NodeCredentialEndpointTests.exchange(url, body, bearer: bearer)
        return (answer.body, answer.status, answer.headers["Retry-After"] as? String)
    }

    static func delete(_ url: URL, bearer: String) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "DELETE"
        request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    @Test("a full-custody account logs in, issues with its session, cannot issue or revoke for another account (nor can that account's token for it), logs out; wrong passwords lock it alone")
    func sessions() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("bob", "full"), ("alice", "partial")])
        defer { chain.remove() }
        let bobDID = try #require(try chain.json(["did", "create", "--account", "bob"], account: "bob")["did"] as? String)
        let aliceDID = try #require(try chain.json(["did", "create", "--account", "alice"], account: "alice")["did"] as? String)
        let aliceToken = try #require(try chain.json(["node", "token", "create", "--account", "alice"])["token"] as? String)
        // The node has alice's keystore password (she issues by token) and nothing of bob's.
        let node = try RunningNode(dataDirectory: chain.root, environment: ["CHANCERY_PASSWORD_ALICE": "pw-alice", "CHANCERY_PASSWORD": ""])
        defer { node.stop() }
        let login = node.url.appendingPathComponent("sessions")
        let issue = node.url.appendingPathComponent("credentials/issue")
        let status = node.url.appendingPathComponent("credentials/status")
        let credential = VCAPIIssue.body(issuer: bobDID, subject: ["name": "Carol"])

        let wrong = try await Self.post(login, ["username": "bob", "password": "guess"])
        let nobody = try await Self.post(login, ["username": "nobody", "password": "guess"])
        #expect(wrong.status == 401 && nobody.status == 401)
        #expect(wrong.body["detail"] as? String == nobody.body["detail"] as? String, "an unknown account and a wrong password read alike")
        let partial = try await Self.post(login, ["username": "alice", "password": "pw-alice"])
        #expect(partial.status == 403, "\(partial.body)")
        #expect(try await Self.post(login, ["username": "bob"]).status == 400)

        let opened = try await Self.post(login, ["username": "bob", "password": "pw-bob"])
        #expect(opened.status == 201, "\(opened.body)")
        let session = try #require(opened.body["token"] as? String)
        #expect(session.hasPrefix("chs_") && opened.body["account"] as? String == "bob")

        let byBob = try await Self.post(issue, credential, bearer: session)
        #expect(byBob.status == 201, "\(byBob.body)")
        let bobJWT = try #require(VCAPIIssue.token(byBob.body))
        let payload = try #require(Data(base64URLEncoded: String(bobJWT.split(separator: ".")[1])))
        #expect(String(decoding: payload, as: UTF8.self).contains(bobDID))

        // Neither stands in for the other account: bob's session may not issue as alice's DID,
        // nor alice's token as bob's; each is refused 422 naming the account it acts for.
        let bobAsAlice = try await Self.post(issue, VCAPIIssue.body(issuer: aliceDID, subject: ["name": "Mallory"]), bearer: session)
        #expect(bobAsAlice.status == 422 && "\(bobAsAlice.body["detail"] ?? "")".contains(bobDID), "\(bobAsAlice.body)")
        let aliceAsBob = try await Self.post(issue, credential, bearer: aliceToken)
        #expect(aliceAsBob.status == 422 && "\(aliceAsBob.body["detail"] ?? "")".contains(aliceDID), "\(aliceAsBob.body)")

        // A credential of alice's: bob's session may not revoke it; alice's token may.
        let byAlice = try await Self.post(issue, VCAPIIssue.body(issuer: aliceDID, subject: ["name": "Carol"]), bearer: aliceToken)
        #expect(byAlice.status == 201, "\(byAlice.body)")
        let aliceJWT = try #require(VCAPIIssue.token(byAlice.body))
        let aliceBytes = try #require(Data(base64URLEncoded: String(aliceJWT.split(separator: ".")[1])))
        let alicePayload = try #require(try JSONSerialization.jsonObject(with: aliceBytes) as? [String: Any])
        let aliceCredentialId = try #require((alicePayload["vc"] as? [String: Any])?["id"] as? String ?? alicePayload["jti"] as? String ?? alicePayload["id"] as? String)
        let revoke: [String: Any] = ["credentialId": aliceCredentialId, "purpose": "revocation", "value": true]
        let forbidden = try await Self.post(status, revoke, bearer: session)
        #expect(forbidden.status == 403, "\(forbidden.body)")
        #expect(try await Self.post(status, revoke, bearer: aliceToken).status == 200)

        #expect(try await Self.delete(node.url.appendingPathComponent("sessions/current"), bearer: session) == 204)
        let closed = try await Self.post(issue, credential, bearer: session)
        #expect(closed.status == 401 && "\(closed.body["detail"] ?? "")".contains("not a session"), "\(closed.body)")
        #expect(try await Self.delete(node.url.appendingPathComponent("sessions/current"), bearer: session) == 401)

        // Wrong passwords lock bob within five attempts (the vault's policy: five per vault node,
        // and two nodes still count the one before his log-in); then even the right one waits.
        var attempts = 0, last = 0
        repeat {
            attempts += 1
            last = try await Self.post(login, ["username": "bob", "password": "guess"]).status
        } while last == 401 && attempts < 6
        #expect(last == 429 && attempts == 5, "locked after \(attempts) attempts, last answered \(last)")
        let locked = try await Self.post(login, ["username": "bob", "password": "pw-bob"])
        #expect(locked.status == 429 && (Int(locked.retryAfter ?? "") ?? 0) > 0, "\(locked)")
        // The node keeps serving the other accounts.
        #expect(try await Self.post(issue, VCAPIIssue.body(issuer: aliceDID, subject: ["name": "Carol"]), bearer: aliceToken).status == 201)
    }
}

private extension Data {
    init?(base64URLEncoded text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
