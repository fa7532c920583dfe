import Node
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif
import KeyCustody
import Primitives
import Testing

/// Secrets given to didctl and the node never come back: keystore and vault passwords (right
/// and wrong), a token PIN (right and wrong), the private keys they unlock, issuer tokens and
/// session tokens appear in no command's output (text or `--json`), no error message, no HTTP
/// answer and no line of the node's log. The one answer that hands a token out is the only
/// place it may appear. Every output is kept in one folder and scanned by
/// scripts/check-secret-leaks.sh, the scan `make test` also runs over the whole suite's outputs.
struct SecretLeakTests {
    /// What was said, and where.
    final class Transcript {
        private(set) var entries: [(name: String, text: String)] = []
        func add(_ name: String, _ text: String) { entries.append((name, text)) }
        func add(_ name: String, _ result: Didctl.Result) { add(name, "exit \(result.status)\n\(result.stdout)\n\(result.stderr)") }
    }

    /// A secret that cannot turn up by chance in hex, base64url or English.
    static func secret(_ kind: String) -> String { "\(kind)-\(UUID().uuidString)-Zq" }

    /// Sends a request; the answer's status and raw body.
    static func send(_ method: String, _ url: URL, _ body: Any?, bearer: String? = nil) async throws -> (status: Int, text: String, json: [String: Any]) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let headers = ((response as? HTTPURLResponse)?.allHeaderFields ?? [:]).map { "\($0.key): \($0.value)" }.sorted().joined(separator: "\n")
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, headers + "\n\n" + String(decoding: data, as: UTF8.self), json)
    }

    /// The forms a 32-byte private key could be printed in.
    static func encodings(of key: [UInt8]) -> [String] {
        let hex = Hex.encode(key)
        return [hex, hex.uppercased(), Base64URL.encode(key), Data(key).base64EncodedString()]
    }

    /// The repository's scripts folder, found from this file.
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts")

    /// Runs scripts/check-secret-leaks.sh over `folder`; its exit status and output.
    static func scan(secrets: URL, folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [scripts.appendingPathComponent("check-secret-leaks.sh").path, secrets.path, folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("passwords, PINs, private keys and tokens appear in no command output, error message, HTTP answer or node log")
    func noSecretInAnyOutput() async throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("node")
        let said = Transcript()
        let alicePassword = Self.secret("Keystore-Pw"), bobPassword = Self.secret("Vault-Pw"), carolPassword = Self.secret("Carol-Pw")
        let wrongGuess = Self.secret("Wrong-Guess"), nodeWrongPassword = Self.secret("Node-Wrong-Pw")
        let pin = Self.secret("Pin"), wrongPin = Self.secret("Wrong-Pin")
        var passwords = [alicePassword, bobPassword, carolPassword, wrongGuess, nodeWrongPassword, pin, wrongPin]

        func didctl(_ name: String, _ arguments: [String], _ environment: [String: String] = [:]) throws -> Didctl.Result {
            let result = try Didctl.run(arguments + ["--data-dir", data.path], environment: environment)
            said.add(name, result)
            return result
        }
        func json(_ result: Didctl.Result) -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        }
        #expect(try didctl("init", ["init"]).status == 0)
        for (name, custody, password) in [("alice", "partial", alicePassword), ("bob", "full", bobPassword), ("carol", "partial", carolPassword)] {
            let created = try didctl("account create \(name)", ["account", "create", name, "--custody", custody, "--json"], ["CHANCERY_PASSWORD": password])
            #expect(created.status == 0, "account create \(name) failed")
        }
        // Wrong passwords, in each custody mode, in text and JSON.
        #expect(try didctl("recover, wrong", ["account", "recover", "bob"], ["CHANCERY_PASSWORD": wrongGuess]).status == 1)
        #expect(try didctl("recover, wrong, json", ["account", "recover", "bob", "--json"], ["CHANCERY_PASSWORD": wrongGuess]).status == 1)
        #expect(try didctl("recover", ["account", "recover", "bob", "--json"], ["CHANCERY_PASSWORD": bobPassword]).status == 0)
        #expect(try didctl("did create, wrong", ["did", "create", "--account", "alice"], ["CHANCERY_PASSWORD": wrongGuess]).status == 1)
        #expect(try didctl("did create, wrong, json", ["did", "create", "--account", "alice", "--json"], ["CHANCERY_PASSWORD": wrongGuess]).status == 1)
        var dids: [String: String] = [:]
        for (name, password) in [("alice", alicePassword), ("bob", bobPassword), ("carol", carolPassword)] {
            let created = try didctl("did create \(name)", ["did", "create", "--account", name, "--json"], ["CHANCERY_PASSWORD": password])
            #expect(created.status == 0, "did create \(name) failed")
            dids[name] = json(created)["did"] as? String
        }
        // An HSM account: a wrong PIN, then the right one.
        let tokens = root.appendingPathComponent("tokens")
        try FileManager.default.createDirectory(at: tokens, withIntermediateDirectories: true)
        let conf = root.appendingPathComponent("softhsm2.conf")
        try "directories.tokendir = \(tokens.path)\nobjectstore.backend = file\nlog.level = ERROR\n".write(to: conf, atomically: true, encoding: .utf8)
        let initToken = Process()
        initToken.executableURL = URL(fileURLWithPath: "/usr/bin/softhsm2-util")
        initToken.arguments = ["--init-token", "--free", "--label", "leak-check", "--so-pin", Self.secret("So-Pin"), "--pin", pin]
        initToken.environment = ProcessInfo.processInfo.environment.merging(["SOFTHSM2_CONF": conf.path]) { $1 }
        initToken.standardOutput = FileHandle.nullDevice
        try initToken.run()
        initToken.waitUntilExit()
        #expect(initToken.terminationStatus == 0)
        let hsm = ["account", "create", "dave", "--custody", "hsm", "--pkcs11-module", "/usr/lib/softhsm/libsofthsm2.so",
                   "--token-label", "leak-check", "--key-label", "dave-key"]
        #expect(try didctl("hsm, wrong pin", hsm, ["SOFTHSM2_CONF": conf.path, "CHANCERY_PKCS11_PIN": wrongPin]).status == 1)
        #expect(try didctl("hsm, wrong pin, json", hsm + ["--json"], ["SOFTHSM2_CONF": conf.path, "CHANCERY_PKCS11_PIN": wrongPin]).status == 1)
        #expect(try didctl("hsm", hsm + ["--json"], ["SOFTHSM2_CONF": conf.path, "CHANCERY_PKCS11_PIN": pin]).status == 0)
        #expect(try didctl("hsm did", ["did", "create", "--account", "dave", "--json"], ["SOFTHSM2_CONF": conf.path, "CHANCERY_PKCS11_PIN": pin]).status == 0)

        // Issuer tokens: shown once, by the command that makes them.
        let aliceTokenAnswer = try didctl("token alice", ["node", "token", "create", "--account", "alice", "--json"])
        let carolTokenAnswer = try didctl("token carol", ["node", "token", "create", "--account", "carol", "--json"])
        let aliceToken = try #require(json(aliceTokenAnswer)["token"] as? String)
        let carolToken = try #require(json(carolTokenAnswer)["token"] as? String)
        _ = try didctl("token list", ["node", "token", "list"])
        _ = try didctl("token list, json", ["node", "token", "list", "--json"])
        _ = try didctl("account list", ["account", "list", "--json"])

        // The node holds alice's password, a wrong one for carol, and nothing of bob's.
        let log = root.appendingPathComponent("node.log")
        let node = try RunningNode(dataDirectory: data, environment: ["CHANCERY_PASSWORD_ALICE": alicePassword, "CHANCERY_PASSWORD_CAROL": nodeWrongPassword,
                                                                       "CHANCERY_PASSWORD": ""], log: log)
        defer { node.stop() }
        let sessions = node.url.appendingPathComponent("sessions"), issue = node.url.appendingPathComponent("credentials/issue")
        let guessed = try await Self.send("POST", sessions, ["username": "bob", "password": wrongGuess])
        said.add("login, wrong", guessed.text)
        #expect(guessed.status == 401)
        let login = try await Self.send("POST", sessions, ["username": "bob", "password": bobPassword])
        #expect(login.status == 201)
        let session = try #require(login.json["token"] as? String)
        for (name, issuer, bearer) in [("issue by session", dids["bob"] ?? "", session), ("issue by token", dids["alice"] ?? "", aliceToken),
                                       ("issue, node cannot unlock", dids["carol"] ?? "", carolToken),
                                       ("issue for another account", dids["alice"] ?? "", session),
                                       ("issue, unknown token", dids["alice"] ?? "", aliceToken + "x")] {
            let answer = try await Self.send("POST", issue, VCAPIIssue.body(issuer: issuer, subject: ["name": "Carol"]), bearer: bearer)
            said.add(name, answer.text)
        }
        let logout = try await Self.send("DELETE", sessions.appendingPathComponent("current"), nil, bearer: session)
        said.add("logout", logout.text)
        let afterLogout = try await Self.send("POST", issue, VCAPIIssue.body(issuer: dids["bob"] ?? "", subject: ["name": "Carol"]), bearer: session)
        said.add("issue after logout", afterLogout.text)
        #expect(afterLogout.status == 401)
        node.stop()
        let nodeLog = try String(contentsOf: log, encoding: .utf8)
        #expect(nodeLog.contains("carol"), "the node logged its failure to unlock carol's keystore")
        said.add("node log", nodeLog)

        // The private keys those passwords unlock, in every form they could be printed in.
        var keys: [String] = []
        for (name, password) in [("alice", alicePassword), ("carol", carolPassword)] {
            let keystore = try SoftwareCustodian(opening: data.appendingPathComponent("accounts/\(name).keystore").path, password: password)
            #expect(!keystore.keyNames.isEmpty)
            for keyName in keystore.keyNames {
                keys += Self.encodings(of: try await keystore.exportPrivateKey(KeyReference(keyName)).rawRepresentation.unsafeArray)
            }
        }
        let bobKey = try await DataDirectory(url: data).vault().recover(username: "bob", password: SecureBytes(Array(bobPassword.utf8)))
        keys += Self.encodings(of: bobKey.rawRepresentation.unsafeArray)

        // Each secret is absent from every output but the one that hands it out.
        let secrets: [(kind: String, value: String, handedOutBy: String?)] =
            passwords.map { ("password or PIN", $0, nil) } + keys.map { ("private key", $0, nil) }
            + [("issuer token", aliceToken, "token alice"), ("issuer token", carolToken, "token carol"), ("session token", session, nil)]
        for (kind, value, handedOutBy) in secrets {
            for entry in said.entries where entry.name != handedOutBy && entry.text.contains(value) {
                Issue.record("a \(kind) appears in the output of '\(entry.name)'")
            }
        }
        #expect(aliceTokenAnswer.stdout.contains(aliceToken), "the token is shown once, when made")

        // The same check through the script `make test` runs, over the same outputs kept as files.
        let folder = root.appendingPathComponent("outputs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, entry) in said.entries.enumerated() where !entry.name.hasPrefix("token ") {
            try Data(entry.text.utf8).write(to: folder.appendingPathComponent("\(index).txt"))
        }
        passwords += keys + [aliceToken, carolToken, session]
        let list = root.appendingPathComponent("secrets.txt")
        try Data(passwords.joined(separator: "\n").utf8).write(to: list)
        let clean = try Self.scan(secrets: list, folder: folder)
        #expect(clean.status == 0, "\(clean.output)")
        // The scan does find a secret that leaked (and does not print it).
        try Data("debug: password=\(bobPassword)\n".utf8).write(to: folder.appendingPathComponent("planted.log"))
        let planted = try Self.scan(secrets: list, folder: folder)
        #expect(planted.status == 1 && planted.output.contains("planted.log") && !planted.output.contains(bobPassword))
    }

    @Test("a node that crashes writes no core file: its core-file limit is zero even when it was started with an unlimited one")
    func noCoreFile() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("node"), folder = root.appendingPathComponent("cwd")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try Didctl.run(["init", "--data-dir", data.path]).status == 0)
        // The shell raises the limit, as an operator's `ulimit -c unlimited` would, then becomes the node.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", #"ulimit -c unlimited 2>/dev/null; exec "$0" node start --listen 127.0.0.1:0 --json --data-dir "$1""#,
                             Didctl.executable.path, data.path]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
        #expect(NodeStartCommandTests.firstLine(of: out.fileHandleForReading)?.contains("url") == true)
        let limits = try String(contentsOfFile: "/proc/\(process.processIdentifier)/limits", encoding: .utf8)
        let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }?.split(separator: " ").map(String.init) ?? []
        #expect(core.count >= 6 && core[4] == "0" && core[5] == "0", "\(core)")
        // A signal whose default action dumps core, and that the node neither blocks nor catches
        // (it blocks SIGQUIT and SIGABRT; Swift's runtime catches SIGSEGV to print a backtrace):
        // the node dies of it and leaves no core file.
        kill(process.processIdentifier, SIGSYS)
        for _ in 0..<600 where process.isRunning { usleep(50_000) }
        if process.isRunning {
            Issue.record("the node outlived SIGSYS by 30 s")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGSYS)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
