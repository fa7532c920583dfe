import Node
import Chain
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Primitives
import Testing

/// `didctl node start` as an operator runs it: it prints its URL, serves the API, and stops
/// cleanly on SIGTERM.
struct NodeStartCommandTests {
    @Test("node start serves /healthz and /1.0/identifiers on the printed URL and exits 0 on SIGTERM, with its tasks on the event loops or on Swift's pool",
          arguments: [false, true])
    func startsServesAndStops(onSwiftPool: Bool) async throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Didctl.run(["init", "--data-dir", root.path]).status == 0)
        let process = Didctl.start(["node", "start", "--listen", "127.0.0.1:0", "--json", "--data-dir", root.path],
                                   environment: onSwiftPool ? ["CHANCERY_CONCURRENCY_POOL": "1"] : [:])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try #require(Self.firstLine(of: out.fileHandleForReading), "no URL printed")
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let url = try #require((printed["url"] as? String).flatMap(URL.init(string:)))
        #expect(url.scheme == "http" && url.host == "127.0.0.1" && (url.port ?? 0) > 0)

        let (health, healthStatus) = try await Self.get(url.appendingPathComponent("healthz"))
        #expect(healthStatus == 200)
        let body = try #require(try JSONSerialization.jsonObject(with: health) as? [String: Any])
        #expect(body["status"] as? String == "ok" && body["height"] as? Int == 0)
        let key = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
        #expect(try await Self.get(url.appendingPathComponent("1.0/identifiers/\(key)")).status == 200)
        #expect(try await Self.get(url.appendingPathComponent("1.0/identifiers/did:nope")).status == 400)
        let (page, pageStatus) = try await Self.get(url)
        #expect(pageStatus == 200 && String(decoding: page, as: UTF8.self).contains("<html"))

        // The auditor of `didctl init` asks over HTTP: answered after the query is recorded.
        let request = try Self.auditorRequest(root, query: AuditQuery(.log))
        let (answer, answerStatus) = try await Self.post(url.appendingPathComponent("audit/log"), body: request.body)
        #expect(answerStatus == 200)
        let answered = try #require(try JSONSerialization.jsonObject(with: answer) as? [String: Any])
        #expect(answered["recordHeight"] as? Int == 1 && (answered["queries"] as? [Any])?.count == 1)
        var unsigned = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
        unsigned["signature"] = nil
        let refused = try await Self.post(url.appendingPathComponent("audit/log"),
                                          body: Array(try JSONSerialization.data(withJSONObject: unsigned)))
        #expect(refused.status == 401)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "stderr: \(Self.drain(err))")
    }

    @Test("--peers is bad usage (exit 2, with a reason) outside --ordering etcd or without URLs, and so is a negative --log-retention")
    func consortiumOptionsAreValidated() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let solo = try Didctl.run(["node", "start", "--data-dir", root.path, "--peers", "http://127.0.0.1:1"])
        #expect(solo.status == 2 && solo.stderr.contains("--ordering etcd"), "\(solo.stderr)")
        let noURL = try Didctl.run(["node", "start", "--data-dir", root.path, "--ordering", "etcd", "--etcd-endpoints", "http://127.0.0.1:1",
                                    "--peers", "nothing"])
        #expect(noURL.status == 2 && noURL.stderr.contains("--peers"), "\(noURL.stderr)")
        let retention = try Didctl.run(["node", "start", "--data-dir", root.path, "--log-retention", "-3"])
        #expect(retention.status == 2, "\(retention.stderr)")
    }

    @Test("--requests-per-client outside 1...100000 and --ledger-cache-mib outside 1...65536 are bad usage (exit 2) naming the option",
          arguments: [("--requests-per-client", "0"), ("--requests-per-client", "100001"), ("--requests-per-client", "-1"),
                      ("--ledger-cache-mib", "0"), ("--ledger-cache-mib", "70000")])
    func limitsAreValidated(option: String, value: String) throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Didctl.run(["node", "start", "--data-dir", root.path, option, value])
        #expect(result.status == 2 && result.stderr.contains(option), "\(result.stderr)")
    }

    @Test("while a node runs, a command that writes is refused with a clear error and leaves nothing behind; reading commands run, and the write succeeds once the node stops")
    func oneWriterPerDataDirectory() async throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Didctl.run(["init", "--data-dir", root.path]).status == 0)
        let process = Didctl.start(["node", "start", "--listen", "127.0.0.1:0", "--json", "--data-dir", root.path])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        _ = try #require(Self.firstLine(of: out.fileHandleForReading), "no URL printed")

        let password = ["CHANCERY_PASSWORD": "writer lock test"]
        let refused = try Didctl.run(["account", "create", "bob", "--custody", "partial", "--data-dir", root.path], environment: password)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Another didctl process is writing to"), "stderr: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("accounts/bob.keystore").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("accounts/bob.json").path))
        #expect(try Didctl.run(["issuer", "list", "--data-dir", root.path]).status == 0)

        process.terminate()
        process.waitUntilExit()
        let created = try Didctl.run(["account", "create", "bob", "--custody", "partial", "--data-dir", root.path], environment: password)
        #expect(created.status == 0, "stderr: \(created.stderr)")
    }

    @Test("node start refuses a malformed --listen with exit 2")
    func badListen() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Didctl.run(["node", "start", "--listen", "localhost", "--data-dir", root.path])
        #expect(result.status == 2 && result.stderr.contains("--listen"))
    }

    /// A request signed with the data directory's auditor key, as the genesis names it.
    static func auditorRequest(_ root: URL, query: AuditQuery) throws -> SignedAuditRequest {
        let genesis = try Genesis(json: Data(contentsOf: root.appendingPathComponent("genesis.json")))
        let hex = try String(contentsOf: root.appendingPathComponent("keys/auditor-signing.key"), encoding: .utf8)
        let key = try Secp256k1PrivateKey(secret: SecureBytes(Hex.decode(hex.trimmingCharacters(in: .whitespacesAndNewlines))))
        return try SignedAuditRequest(auditor: genesis.auditors[0].id, query: query,
                                      time: UInt64(Date().timeIntervalSince1970 * 1000), key: key, chainId: genesis.chainId)
    }

    static func post(_ url: URL, body: [UInt8]) async throws -> (Data, status: Int) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }

    /// The first line the process prints, waiting up to 60 seconds.
    static func firstLine(of handle: FileHandle) -> String? {
        var buffer = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: buffer[..<newline], as: UTF8.self)
            }
        }
        return nil
    }

    /// What the process wrote to `pipe`; call only after it exited.
    static func drain(_ pipe: Pipe) -> String { String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }

    static func get(_ url: URL) async throws -> (Data, status: Int) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return (data, (response as? HTTPURLResponse)?.statusCode ?? 0)
    }
}
