import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// `didctl node start` under its service group: SIGTERM drains the node instead of killing it,
/// and its metrics cover the writes clients submit.
struct GracefulShutdownTests {
    @Test("on SIGTERM the node stops accepting, answers the issuance in progress once its block commits, and exits 0")
    func drainsOnSIGTERM() throws {
        let setup = try CredentialCommandTests.Issuing()
        defer { setup.chain.remove() }
        let token = try #require(try setup.chain.json(["node", "token", "--account", "university"])["token"] as? String)
        let node = try RunningNode(dataDirectory: setup.chain.root, environment: ["CHANCERY_PASSWORD": "pw-university"])
        defer { node.stop() }
        let port = try #require(node.url.port)

        let body = Array(try JSONSerialization.data(withJSONObject: ["credential": [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"], "issuer": setup.issuer,
            "credentialSubject": ["name": "Carol", "degree": "PhD", "year": 2026],
            "credentialSchema": ["id": setup.cpt, "type": "JsonSchema"]]]))
        // Issuance is counted by outcome: a token the node did not create is unauthorized.
        let denied = Self.exchange(port, "POST /credentials/issue HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer not-a-token\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n" + String(decoding: body, as: UTF8.self))
        #expect(denied.hasPrefix("HTTP/1.1 401"), "\(denied.prefix(300))")
        let metrics = Self.exchange(port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(metrics.contains("\nchancery_credential_issuances_total{outcome=\"unauthorized\"} 1\n"), "\(metrics)")

        // The head and half the body: the request is in progress, and stays so until the rest comes.
        let head = "POST /credentials/issue HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let connection = try #require(LoopbackConnection(port: port))
        #expect(connection.send(Array(head.utf8) + body.prefix(body.count / 2)))
        Thread.sleep(forTimeInterval: 0.5)
        #expect(kill(node.process.processIdentifier, SIGTERM) == 0)

        // New connections are refused while the request in progress is still unanswered.
        var refused = false
        for _ in 0..<200 where !refused {
            refused = LoopbackConnection(port: port) == nil
            if !refused { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(refused, "the listener was still open 10 s after SIGTERM")
        #expect(node.process.isRunning, "the node waits for the request in progress")

        #expect(connection.send(body.dropFirst(body.count / 2)))
        let answer = connection.receiveToEnd()
        #expect(answer.hasPrefix("HTTP/1.1 201"), "\(answer.prefix(500))")
        let json = answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) } ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        // The VC API's answer for a JOSE format: an EnvelopedVerifiableCredential around the JWT.
        let envelope = try #require(object?["verifiableCredential"] as? [String: Any])
        let credential = try #require((envelope["id"] as? String)?.replacingOccurrences(of: "data:application/vc+jwt,", with: ""))

        #expect(Self.waitForExit(node.process, seconds: 30), "the node did not exit within 30 s of SIGTERM")
        #expect(node.process.terminationReason == .exit && node.process.terminationStatus == 0)
        #expect(LoopbackConnection(port: port) == nil)

        // The credential's anchor was committed before the answer: it verifies from the ledger.
        let file = setup.chain.root.appendingPathComponent("carol.jwt")
        try Data(credential.utf8).write(to: file)
        #expect(try setup.chain.run(["chain", "verify"]).status == 0)
        let verified = try setup.verify(file)
        #expect(verified.status == 0, "\(verified.checks)")
    }

    @Test("GET /metrics of a running node counts writes submitted through POST /transactions and their commit time")
    func writeMetrics() async throws {
        let chain = try DIDCommandTests.Fixture(accounts: [("alice", "partial")])
        defer { chain.remove() }
        let node = try RunningNode(dataDirectory: chain.root)
        defer { node.stop() }
        _ = try chain.json(["did", "create", "--account", "alice", "--node", node.url.absoluteString], account: "alice")
        let (data, status) = try await NodeStartCommandTests.get(node.url.appendingPathComponent("metrics"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(status == 200)
        let samples = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let submitted = samples.filter { $0.hasPrefix("chancery_transactions_submitted_total{type=") }
        #expect(!submitted.isEmpty && !submitted.contains { $0.contains("unregistered") }, "\(text)")
        #expect(samples.contains { $0.hasPrefix("chancery_transaction_commit_seconds_count{type=") && !$0.hasSuffix(" 0") }, "\(text)")
        #expect(samples.contains { $0.hasPrefix("chancery_http_requests_total{route=\"/transactions\",method=\"POST\",status=\"200\"}") }, "\(text)")
        #expect(samples.contains { $0.hasPrefix("chancery_chain_height ") })
        // The node's SQLite memory (its ledger's page caches), which the soak subtracts from RSS.
        let sqlite = samples.first { $0.hasPrefix("chancery_sqlite_memory_bytes ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
        #expect((sqlite ?? 0) > 100_000, "\(String(describing: sqlite))")
    }

    /// Sends `request` on a new connection and returns all the server answers before closing it.
    static func exchange(_ port: Int, _ request: String) -> String {
        guard let connection = LoopbackConnection(port: port), connection.send(Array(request.utf8)) else { return "" }
        return connection.receiveToEnd()
    }

    /// Whether `process` exits within `seconds`.
    static func waitForExit(_ process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }
}
