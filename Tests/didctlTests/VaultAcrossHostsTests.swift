import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KeyCustody
import Primitives
import Testing

/// Full custody's vault split across hosts (`specs/custody-vault.md` §9): three nodes, each
/// started with `--vault-serve`, hold the shares of a coordinator's accounts; the coordinator's
/// CLI reaches them over HTTP. Every node is stopped by the test, by its pid.
@Suite(.serialized)
struct VaultAcrossHostsTests {
    @Test("an account split 2-of-3 across three nodes is recovered with all up or one killed, refused with two killed, and each node counts wrong passwords itself")
    func splitAcrossNodes() async throws {
        let setup = try VaultHosts()
        defer { setup.stop() }
        let password = ["CHANCERY_PASSWORD": "battery staple horse"]
        let created = try Didctl.run(["account", "create", "bob", "--custody", "full", "--data-dir", setup.coordinator.path, "--json"],
                                     environment: password)
        #expect(created.status == 0, "\(created.stderr)")
        // The shares are on the three hosts, none on the coordinator's own vault nodes.
        for host in setup.hosts { #expect(try Self.shareFiles(host).count == 1, "\(host.lastPathComponent)") }
        for index in 1...5 {
            #expect(try Self.shareFiles(setup.coordinator, node: "node-\(index)").isEmpty)
        }
        let recover = ["account", "recover", "bob", "--data-dir", setup.coordinator.path, "--json"]
        let all = try Didctl.run(recover, environment: password)
        #expect(all.status == 0 && all.stdout.contains("\"recovered\" : true"), "\(all.stderr)")

        setup.kill(2)
        let oneDown = try Didctl.run(recover, environment: password)
        #expect(oneDown.status == 0 && oneDown.stdout.contains("\"recovered\" : true"), "one of three down: \(oneDown.stderr)")
        setup.kill(1)
        let twoDown = try Didctl.run(recover, environment: password)
        #expect(twoDown.status == 1)
        #expect(twoDown.stderr.contains("needs 2 of 3 shares but gathered 1"), "\(twoDown.stderr)")
        #expect(twoDown.stderr.contains(setup.urls[1].absoluteString) && twoDown.stderr.contains(setup.urls[2].absoluteString)
                && twoDown.stderr.contains("could not be reached"), "\(twoDown.stderr)")

        // Back on its port: a wrong password is counted by the two nodes asked, not by the one down.
        try setup.restart(1)
        let wrong = try Didctl.run(recover, environment: ["CHANCERY_PASSWORD": "guess"])
        #expect(wrong.status == 1 && wrong.stderr.contains("is wrong"), "\(wrong.stderr)")
        #expect(try setup.hosts.map { try Self.failedAttempts($0) } == [1, 1, 0])
        let right = try Didctl.run(recover, environment: password)
        #expect(right.status == 0, "\(right.stderr)")
        #expect(try setup.hosts.map { try Self.failedAttempts($0) } == [0, 0, 0])

        // The coordinator's own node logs bob in and makes his new DID's key across the hosts too.
        let log = setup.coordinator.appendingPathComponent("node.log")
        let node = try RunningNode(dataDirectory: setup.coordinator, environment: ["CHANCERY_PASSWORD": ""], log: log)
        defer { node.stop() }
        let opened = try await SessionTests.post(node.url.appendingPathComponent("sessions"), ["username": "bob", "password": "battery staple horse"])
        let session = try #require(opened.body["token"] as? String, "\(opened.body) \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        let create = try #require(URL(string: node.url.appendingPathComponent("1.0/create").absoluteString + "?method=chancery"))
        let request: [String: Any] = ["jobId": NSNull(), "options": [:], "secret": [:], "didDocument": [:]]
        // A new key needs every holder: with one host down nothing is created, and the two
        // shares already sent are taken back.
        let refused = try await SessionTests.post(create, request, bearer: session)
        let state = refused.body["didState"] as? [String: Any]
        #expect(refused.status == 503 && state?["state"] as? String == "failed" && (state?["reason"] as? String ?? "").contains("unreachable"),
                "\(refused.body)")
        for host in setup.hosts { #expect(try Self.shareFiles(host).count == 1, "\(host.lastPathComponent)") }
        try setup.restart(2)
        let did = try await SessionTests.post(create, request, bearer: session)
        #expect(did.status == 201, "\(did.body) \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        for host in setup.hosts { #expect(try Self.shareFiles(host).count == 2, "the DID key's share on \(host.lastPathComponent)") }
        for index in 1...5 { #expect(try Self.shareFiles(setup.coordinator, node: "node-\(index)").isEmpty) }
    }

    @Test("over HTTP a vault request is answered once: the same body sent again is refused 409, a stranger's 401, garbage 400")
    func replayOverHTTP() async throws {
        let setup = try VaultHosts(count: 1)
        defer { setup.stop() }
        let info = try VaultHosts.info(setup.hosts[0])
        let seed = try String(contentsOf: setup.coordinator.appendingPathComponent("keys/vault-coordinator.key"), encoding: .utf8)
        let coordinator = try Ed25519PrivateKey(seed: SecureBytes(Hex.decode(seed.trimmingCharacters(in: .whitespacesAndNewlines))))
        let endpoint = setup.urls[0].appendingPathComponent("vault/requests")
        let sent = Bodies()
        let remote = RemoteVaultNode(nodeID: info.nodeID, transportKey: try VaultTransportKey(info.transportKey), location: endpoint.absoluteString,
                                     coordinatorKey: coordinator) { body in
            sent.append(body)
            return try await Self.post(endpoint, body)
        }
        // No share for the account: the refusal travels sealed inside a 200 answer, not as a status.
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await remote.attempts(account: "nobody") }
        let body = try #require(sent.all.last)
        let replay = try await Self.post(endpoint, body)
        #expect(replay.status == 409, "\(String(decoding: replay.body, as: UTF8.self))")
        #expect(String(decoding: replay.body, as: UTF8.self).contains("already received once"))

        let stranger = RemoteVaultNode(nodeID: info.nodeID, transportKey: try VaultTransportKey(info.transportKey),
                                       location: endpoint.absoluteString, coordinatorKey: Ed25519PrivateKey()) { body in
            try await Self.post(endpoint, body)
        }
        let refused = await #expect(throws: KeyCustodyError(.backendFailure, "")) { try await stranger.attempts(account: "nobody") }
        #expect(refused?.reason.contains("HTTP 401") == true && refused?.reason.contains("not admitted") == true, "\(refused?.reason ?? "")")
        #expect(try await Self.post(endpoint, Array("{}".utf8)).status == 400)
        #expect(try await Self.post(endpoint, Array("not json".utf8)).status == 400)
    }

    static func shareFiles(_ root: URL, node: String = "served") throws -> [String] {
        let shares = root.appendingPathComponent("vault/\(node)/shares")
        return ((try? FileManager.default.contentsOfDirectory(atPath: shares.path)) ?? []).filter { $0.hasSuffix(".json") }
    }

    /// The failed-attempt counter in a host's one share file.
    static func failedAttempts(_ host: URL) throws -> Int {
        let name = try #require(try shareFiles(host).sorted().first)
        let data = try Data(contentsOf: host.appendingPathComponent("vault/served/shares/\(name)"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(object["failedAttempts"] as? Int)
    }

    static func post(_ url: URL, _ body: [UInt8]) async throws -> (status: Int, body: [UInt8]) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, Array(data))
    }
}

/// Request bodies a test sent, for sending again.
final class Bodies: @unchecked Sendable {
    // @unchecked: `list` is only touched under `lock`.
    private let lock = NSLock()
    private var list: [[UInt8]] = []
    func append(_ body: [UInt8]) { lock.withLock { list.append(body) } }
    var all: [[UInt8]] { lock.withLock { list } }
}

/// A coordinator's data directory whose vault is split across `count` hosts' data directories,
/// each served by its own `node start --vault-serve` that admits the coordinator's key.
final class VaultHosts {
    let coordinator: URL
    let hosts: [URL]
    private(set) var nodes: [RunningNode]
    private(set) var urls: [URL]
    private let coordinatorKey: String

    init(count: Int = 3) throws {
        let root = try Didctl.temporaryDirectory()
        coordinator = root.appendingPathComponent("coordinator")
        hosts = (1...count).map { root.appendingPathComponent("host-\($0)") }
        for directory in [coordinator] + hosts {
            let made = try Didctl.run(["init", "--data-dir", directory.path])
            guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: made.stderr]) }
        }
        coordinatorKey = try Self.info(coordinator).coordinatorKey
        nodes = []
        urls = []
        do {
            for host in hosts {
                let node = try RunningNode(dataDirectory: host, arguments: ["--vault-serve", "--vault-coordinators", coordinatorKey])
                nodes.append(node)
                urls.append(node.url)
            }
            let peers = try zip(hosts, urls).map { host, url -> [String: Any] in
                let info = try Self.info(host)
                return ["url": url.absoluteString, "nodeId": info.nodeID, "transportKey": info.transportKey]
            }
            let file = root.appendingPathComponent("peers.json")
            try JSONSerialization.data(withJSONObject: ["threshold": count / 2 + 1, "nodes": peers]).write(to: file)
            let used = try Didctl.run(["vault", "use-peers", file.path, "--data-dir", coordinator.path])
            guard used.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: used.stderr]) }
        } catch {
            stop()
            throw error
        }
    }

    /// `didctl vault info --json` of a data directory.
    static func info(_ directory: URL) throws -> (nodeID: String, transportKey: String, coordinatorKey: String) {
        let result = try Didctl.run(["vault", "info", "--json", "--data-dir", directory.path])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        guard result.status == 0, let node = object?["nodeId"] as? String, let key = object?["transportKey"] as? String,
              let coordinator = object?["coordinatorKey"] as? String else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return (node, key, coordinator)
    }

    /// SIGKILLs host `index`'s node (0-based), as a crash would.
    func kill(_ index: Int) {
        let process = nodes[index].process
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Starts host `index`'s node again on the port it had.
    func restart(_ index: Int) throws {
        let port = urls[index].port ?? 0
        let node = try RunningNode(dataDirectory: hosts[index],
                                   arguments: ["--listen", "127.0.0.1:\(port)", "--vault-serve", "--vault-coordinators", coordinatorKey])
        nodes[index] = node
    }

    /// Stops every node still running and removes the directories.
    func stop() {
        for node in nodes { node.stop() }
        try? FileManager.default.removeItem(at: coordinator.deletingLastPathComponent())
    }
}
