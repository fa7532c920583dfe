import Node
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The issuer endpoints of a running node when tokens are wrong or the node cannot unlock the
/// issuer's key: the client learns what it can act on and nothing of the server's files.
struct NodeIssuerFailureTests {
    static func post(_ url: URL, _ body: Any, bearer: String?) async throws -> (body: [String: Any], status: Int, headers: [AnyHashable: Any]) {
        try await NodeCredentialEndpointTests.exchange(url, body, bearer: bearer)
    }

    @Test("an unknown bearer token is 401 naming the command that makes tokens; a known token whose account may not change a credential is 403")
    func unknownAndUnauthorisedTokens() async throws {
        let setup = try CredentialCommandTests.Issuing()
        defer { setup.chain.remove() }
        let issued = try setup.issue(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#)
        // A second issuer the node can unlock (same password as the university's).
        #expect(try setup.chain.run(["account", "create", "registrar", "--custody", "partial"], account: "university").status == 0)
        _ = try setup.chain.json(["did", "create", "--account", "registrar"], account: "university")
        let registrar = try #require(try setup.chain.json(["node", "token", "--account", "registrar"])["token"] as? String)
        let node = try RunningNode(dataDirectory: setup.chain.root, environment: ["CHANCERY_PASSWORD": "pw-university"])
        defer { node.stop() }

        let issue = node.url.appendingPathComponent("credentials/issue")
        let status = node.url.appendingPathComponent("credentials/status")
        let subject = VCAPIIssue.body(issuer: setup.issuer, subject: ["name": "Carol", "degree": "PhD", "year": 2026], schema: setup.cpt)
        for (url, body) in [(issue, subject), (status, ["credentialId": issued.id, "purpose": "revocation", "value": true] as [String: Any])] {
            let unknown = try await Self.post(url, body, bearer: "not-a-token")
            #expect(unknown.status == 401, "\(unknown.body)")
            let detail = unknown.body["detail"] as? String ?? ""
            #expect(detail.contains("didctl node token --account") && !detail.contains("token create"), "\(detail)")
        }
        let forbidden = try await Self.post(status, ["credentialId": issued.id, "purpose": "revocation", "value": true], bearer: registrar)
        #expect(forbidden.status == 403, "\(forbidden.body)")
    }

    @Test("a wrong keystore password on the node: issuance answers a generic 500 with a request id, the keystore path only in the node's log; a retry at once is 429 without another unlock")
    func nodeFailureIsGenericAndBacksOff() async throws {
        let setup = try CredentialCommandTests.Issuing()
        defer { setup.chain.remove() }
        let token = try #require(try setup.chain.json(["node", "token", "--account", "university"])["token"] as? String)
        let log = setup.chain.root.appendingPathComponent("node.log")
        // A back-off far longer than a loaded machine can take between the two requests (once a
        // minute passed between them, and the default 60 s back-off had already ended).
        let node = try RunningNode(dataDirectory: setup.chain.root, environment: ["CHANCERY_PASSWORD": "not the password"], log: log,
                                   arguments: ["--unlock-backoff", "900"])
        defer { node.stop() }
        let issue = node.url.appendingPathComponent("credentials/issue")
        let request = VCAPIIssue.body(issuer: setup.issuer, subject: ["name": "Carol", "degree": "PhD", "year": 2026], schema: setup.cpt)

        let failed = try await Self.post(issue, request, bearer: token)
        #expect(failed.status == 500, "\(failed.body)")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: failed.body), as: UTF8.self)
        #expect(!text.contains(setup.chain.root.path) && !text.contains("keystore") && !text.contains("/"), "\(text)")
        let id = try #require(failed.body["requestId"] as? String)
        #expect((failed.body["detail"] as? String)?.contains(id) == true)

        let retried = try await Self.post(issue, request, bearer: token)
        #expect(retried.status == 429, "\(retried.body)")
        let retryAfter = retried.headers.first { ($0.key as? String)?.lowercased() == "retry-after" }?.value as? String
        #expect(retryAfter.flatMap(Int.init).map { $0 > 60 && $0 <= 900 } == true, "\(retried.headers)")

        node.stop()
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        let logged = lines.first { $0.contains("hb.request.id=\(id)") }.map(String.init) ?? ""
        #expect(logged.contains(setup.chain.root.path), "log: \(lines)")
        // One unlock ran: the retry was refused before Argon2id.
        #expect(lines.filter { $0.contains("does not unlock") }.count == 1, "log: \(lines)")
    }
}
