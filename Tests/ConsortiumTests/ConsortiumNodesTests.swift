import Benchmarks
import AsyncHTTPClient
import Chain
import Foundation
import NIOCore
import NIOHTTP1
import Node
import Primitives
import Testing

/// Three `didctl node start --ordering etcd` processes over a real three-member etcd cluster on
/// 127.0.0.1 (`specs/consortium.md`): the first made the chain, the others joined with
/// `didctl init --genesis` and were admitted by the committee; transactions submitted through all
/// three at once end in identical ledgers that each pass `chain verify`. Every process is stopped
/// by its own pid, also when the test fails.
@Suite(.serialized)
struct ConsortiumNodesTests {
    /// Three data directories of one chain and their running nodes.
    final class Consortium: @unchecked Sendable {
        let root: URL
        let cluster: EtcdCluster
        var directories: [URL] = []
        var nodes: [ConsortiumNodeProcess] = []
        var nodeIds: [String] = []

        init(etcdMembers: Int = 3) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-consortium-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            cluster = try EtcdCluster(size: etcdMembers)
        }

        /// Stops every node, then etcd, and removes the directories.
        func stop() {
            for node in nodes { node.stop() }
            cluster.stop()
            try? FileManager.default.removeItem(at: root)
        }

        func directory(_ index: Int) -> URL { root.appendingPathComponent("node\(index)") }

        /// `init` for node 0, `init --genesis` for the others; returns each node id.
        func initialise(count: Int) throws {
            let made = try DidctlExecutable.run(["init", "--chain-id", "consortium-test", "--json", "--data-dir", directory(0).path])
            #expect(made.status == 0, "\(made.stderr)")
            nodeIds.append(try Self.field("nodeId", in: made.stdout))
            for index in 1..<count {
                let joined = try DidctlExecutable.run(["init", "--genesis", directory(0).appendingPathComponent("genesis.json").path,
                                                       "--json", "--data-dir", directory(index).path])
                #expect(joined.status == 0, "\(joined.stderr)")
                nodeIds.append(try Self.field("nodeId", in: joined.stdout))
            }
            directories = (0..<count).map(directory)
        }

        func start(_ index: Int, arguments: [String] = []) throws {
            let node = try DidctlExecutable.startNode(dataDirectory: directories[index], etcd: cluster.endpoints, arguments: arguments)
            if index < nodes.count { nodes[index] = node } else { nodes.append(node) }
        }

        /// The committee (node 0's operator) admits node `index` through node 0.
        func admit(_ index: Int) throws {
            let admitted = try DidctlExecutable.run(["node", "admit", nodeIds[index], "--json", "--data-dir", directories[0].path,
                                                     "--node", nodes[0].url.absoluteString])
            #expect(admitted.status == 0, "\(admitted.stderr)")
        }

        static func field(_ name: String, in output: String) throws -> String {
            return try #require((try? JSONValue(parsing: output))?[name]?.stringValue, "no \(name) in \(output)")
        }
    }

    static func health(of node: ConsortiumNodeProcess) async throws -> JSONValue {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: node.url.appendingPathComponent("healthz").absoluteString),
                                                           timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return try JSONValue(parsing: Array(body.readableBytesView))
    }

    /// Submits a transaction's wire form to `node` and waits for the answer: status and body.
    static func submit(_ transaction: Transaction, to node: ConsortiumNodeProcess) async throws -> (status: UInt, body: JSONValue) {
        var request = HTTPClientRequest(url: node.url.appendingPathComponent("transactions").absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let json = JSONValue.object(["transaction": .string(Base64URL.encode(transaction.encoded))]).serialized()
        request.body = .bytes(ByteBuffer(bytes: json))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, (try? JSONValue(parsing: Array(body.readableBytesView))) ?? .null)
    }

    /// Signed `chain.anchor` transactions of the operator, its one-time keys certified by the
    /// membership service of node 0's data directory (read beside it, not through it).
    static func anchors(_ count: Int, directory: URL) async throws -> [Transaction] {
        let runtime = try NodeRuntime(directory: DataDirectory(url: directory), access: .read)
        defer { runtime.node.shutdown() }
        let keys = try await runtime.oneTimeKeys(count: count)
        return try keys.map { key in
            let digest = (0..<32).map { _ in UInt8.random(in: 0...255) }
            return try Transaction(type: AnchorHandler.transactionType, body: AnchorHandler.body(digest: digest),
                                   chainId: runtime.genesis.chainId, oneTimeKey: key)
        }
    }

    /// Polls every 100 ms for at most `seconds`.
    static func eventually(seconds: Int = 120, _ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<(seconds * 10) {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test("three etcd-ordered nodes, two of them joined and admitted, take transactions through all three at once and end with identical, verified ledgers")
    func threeNodesAgree() async throws {
        let consortium = try Consortium()
        defer { consortium.stop() }
        try consortium.initialise(count: 3)
        let transactions = try await Self.anchors(90, directory: consortium.directories[0])
        for index in 0..<3 { try consortium.start(index) }
        try consortium.admit(1)
        try consortium.admit(2)

        let answers = try await withThrowingTaskGroup(of: (UInt, JSONValue).self) { group in
            for (index, transaction) in transactions.enumerated() {
                let node = consortium.nodes[index % 3]
                group.addTask { try await Self.submit(transaction, to: node) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.allSatisfy { $0.0 == 200 }, "\(answers.filter { $0.0 != 200 }.prefix(3))")
        let top = answers.compactMap { $0.1["height"]?.doubleValue.map(Int.init) }.max() ?? 0
        #expect(top >= 3, "blocks of the admissions and the anchors")
        var healths: [JSONValue] = []
        #expect(try await Self.eventually {
            healths = try await consortium.nodes.asyncMap { try await Self.health(of: $0) }
            return healths.allSatisfy { $0["finalHeight"]?.doubleValue == Double(top) && $0["height"]?.doubleValue == Double(top) }
        }, "every node applies and finalises every block: \(healths)")
        #expect(Set(healths.compactMap { $0["headHash"]?.stringValue }).count == 1, "one head on all three: \(healths)")

        for node in consortium.nodes { node.stop() }
        let stores = try consortium.directories.map {
            var options = SQLiteBlockStore.Options()
            options.readOnly = true
            return try SQLiteBlockStore(path: $0.appendingPathComponent("ledger.sqlite").path, options: options)
        }
        for height in 0...UInt64(top) {
            let hashes = try stores.map { try #require(try $0.signedHeader(at: height)).hash }
            #expect(Set(hashes).count == 1, "block \(height) has one hash on all three nodes")
        }
        for directory in consortium.directories {
            let verified = try DidctlExecutable.run(["chain", "verify", "--json", "--data-dir", directory.path])
            #expect(verified.status == 0, "chain verify on \(directory.lastPathComponent): \(verified.stdout) \(verified.stderr)")
        }
        let info = try DidctlExecutable.run(["chain", "info", "--json", "--data-dir", consortium.directories[2].path])
        let object = try JSONValue(parsing: info.stdout)
        #expect(object["finalHeight"]?.doubleValue == Double(top) && object["height"]?.doubleValue == Double(top), "\(info.stdout)")
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
