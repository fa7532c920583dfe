import AsyncHTTPClient
import Benchmarks
import Chain
import Foundation
import NIOCore
import NIOHTTP1
import Node
import Primitives
import Testing

/// Audit in a consortium (`specs/consortium.md` §8): the queries the auditor's node answers are
/// recorded on the shared chain, so every node holds them and refuses them replayed, and the
/// auditor's index can follow any node's copy of the chain.
@Suite(.serialized)
struct ConsortiumAuditTests {
    @Test("an audit query answered by the auditor's node is recorded in a block final on every node, a replay through any other node is refused as recorded, and the auditor's index built from a joined node's ledger links every transaction as the auditor's own node does")
    func auditQueriesAreRecordedOnTheSharedChain() async throws {
        let consortium = try ConsortiumNodesTests.Consortium()
        defer { consortium.stop() }
        try consortium.initialise(count: 3)
        let transactions = try await ConsortiumNodesTests.anchors(6, directory: consortium.directories[0])
        for index in 0..<3 { try consortium.start(index) }
        try consortium.admit(1)
        try consortium.admit(2)
        for (index, transaction) in transactions.enumerated() {
            let (status, body) = try await ConsortiumNodesTests.submit(transaction, to: consortium.nodes[index % 3])
            #expect(status == 200, "\(body)")
        }

        // The auditor's node (the first: its keys are there) answers and records the query.
        let request = try Self.auditorRequest(directory: consortium.directories[0], query: AuditQuery(.log))
        let answered = try await Self.post(request, path: "audit/log", to: consortium.nodes[0])
        #expect(answered.status == 200, "\(answered.body)")
        let recorded = try #require(answered.body["recordHeight"]?.doubleValue.map { UInt64($0) }, "\(answered.body)")
        var healths: [JSONValue] = []
        #expect(try await ConsortiumNodesTests.eventually {
            healths = try await consortium.nodes.asyncMap { try await ConsortiumNodesTests.health(of: $0) }
            return healths.allSatisfy { ($0["finalHeight"]?.doubleValue ?? -1) >= Double(recorded) }
        }, "\(healths)")
        for other in 1..<3 {
            let replayed = try await Self.post(request, path: "audit/log", to: consortium.nodes[other])
            #expect(replayed.status == 409, "node \(other) finds the query recorded on its copy of the chain: \(replayed.body)")
        }

        // The auditor's index follows any node's ledger: built from node 2's, it links what
        // one built from node 0's links, and holds the recorded query.
        for node in consortium.nodes { node.stop() }
        let keys = try DataDirectory(url: consortium.directories[0]).auditorKeySource()
        var indexes: [AuditIndex] = []
        for directory in [consortium.directories[0], consortium.directories[2]] {
            var options = SQLiteBlockStore.Options()
            options.readOnly = true
            let ledger = try SQLiteBlockStore(path: directory.appendingPathComponent("ledger.sqlite").path, options: options)
            #expect(try ledger.value(namespace: AuditQueryHandler.namespace, key: request.digest(chainId: try ledger.genesis()!.chainId)) != nil,
                    "the query's record is in the state of \(directory.lastPathComponent)")
            let index = AuditIndex(store: InMemoryAuditIndexStore(), keys: keys)
            _ = try index.follow(store: ledger)
            indexes.append(index)
        }
        for transaction in transactions {
            let linked = try indexes.map { try $0.link(transaction.id) }
            #expect(linked[0] != nil && linked[0] == linked[1], "\(transaction.id): \(linked)")
        }
        #expect(try indexes[1].queries().map(\.request) == [request])
        #expect(try indexes[1].queries() == indexes[0].queries())
    }

    /// A log query signed with the auditor's key from `directory`.
    static func auditorRequest(directory: URL, query: AuditQuery) throws -> SignedAuditRequest {
        let genesis = try Genesis(json: Data(contentsOf: directory.appendingPathComponent("genesis.json")))
        let hex = try String(contentsOf: directory.appendingPathComponent("keys/auditor-signing.key"), encoding: .utf8)
        let key = try Secp256k1PrivateKey(secret: SecureBytes(Hex.decode(hex.trimmingCharacters(in: .whitespacesAndNewlines))))
        return try SignedAuditRequest(auditor: genesis.auditors[0].id, query: query,
                                      time: UInt64(Date().timeIntervalSince1970 * 1000), key: key, chainId: genesis.chainId)
    }

    static func post(_ request: SignedAuditRequest, path: String, to node: ConsortiumNodeProcess) async throws -> (status: UInt, body: JSONValue) {
        var http = HTTPClientRequest(url: node.url.appendingPathComponent(path).absoluteString)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/json")
        http.body = .bytes(ByteBuffer(bytes: request.body))
        let response = try await HTTPClient.shared.execute(http, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, (try? JSONValue(parsing: Array(body.readableBytesView))) ?? .null)
    }
}
