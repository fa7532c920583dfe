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

    @Test("a node made by init --genesis that holds the auditor's keys records audit queries itself, under an admitted account's one-time keys that the membership node certifies over HTTP; without an audit member or a membership node it answers 503 saying which is missing")
    func aJoinedNodeRecordsAuditQueriesItself() async throws {
        let consortium = try ConsortiumNodesTests.Consortium()
        defer { consortium.stop() }
        try consortium.initialise(count: 3)
        let transactions = try await ConsortiumNodesTests.anchors(2, directory: consortium.directories[0])
        // The auditor works beside node 2, an institution's node that joined the chain.
        for name in ["keys/auditor.key", "keys/auditor-signing.key", "keys/auditor-master.key", "auditor-epochs.json"] {
            try FileManager.default.copyItem(at: consortium.directories[0].appendingPathComponent(name),
                                             to: consortium.directories[2].appendingPathComponent(name))
        }
        for index in 0..<3 { try consortium.start(index) }
        try consortium.admit(1)
        try consortium.admit(2)
        for transaction in transactions {
            let (status, body) = try await ConsortiumNodesTests.submit(transaction, to: consortium.nodes[0])
            #expect(status == 200, "\(body)")
        }
        let node0 = consortium.nodes[0].url.absoluteString
        // A fresh signed link query through `node`, asked again while the node has not yet
        // applied and indexed the transaction (404).
        func link(_ id: TransactionID, through node: Int) async throws -> (status: UInt, body: JSONValue) {
            var answer: (status: UInt, body: JSONValue) = (0, .null)
            _ = try await ConsortiumNodesTests.eventually(seconds: 60) {
                answer = try await Self.post(try Self.auditorRequest(directory: consortium.directories[0], query: AuditQuery(.link(id))),
                                             path: "audit/link", to: consortium.nodes[node])
                return answer.status != 404
            }
            return answer
        }

        // Node 2 has no operator member, so nothing carries the record: refused, nothing answered.
        let memberless = try await link(transactions[0].id, through: 2)
        #expect(memberless.status == 503 && memberless.body["detail"]?.stringValue?.contains("--audit-member") == true, "\(memberless.body)")
        #expect(memberless.body["memberHandle"] == nil)

        // The institution's account, filed through node 0 and admitted by the committee there.
        setenv("CHANCERY_PASSWORD_REGULATOR", "regulator-test-password", 1)
        let filed = try DidctlExecutable.run(["account", "create", "regulator", "--custody", "partial", "--json",
                                              "--data-dir", consortium.directories[2].path, "--node", node0])
        #expect(filed.status == 0, "\(filed.stderr)")
        let approved = try DidctlExecutable.run(["account", "approve", "regulator", "--json", "--data-dir", consortium.directories[0].path,
                                                 "--node", node0])
        #expect(approved.status == 0, "\(approved.stderr)")
        let regulator = try ConsortiumNodesTests.Consortium.field("memberHandle", in: approved.stdout)

        // An audit member but no membership service on node 2: still refused, naming the option.
        consortium.nodes[2].stop()
        try consortium.start(2, arguments: ["--audit-member", "regulator"])
        let serviceless = try await link(transactions[0].id, through: 2)
        #expect(serviceless.status == 503 && serviceless.body["detail"]?.stringValue?.contains("--membership-node") == true,
                "\(serviceless.body)")

        consortium.nodes[2].stop()
        try consortium.start(2, arguments: ["--audit-member", "regulator", "--membership-node", node0])
        let operatorHandle = MemberHandle(publicKey: try DataDirectory(url: consortium.directories[0]).secp256k1Key("operator").publicKey)
        let answered = try await link(transactions[0].id, through: 2)
        #expect(answered.status == 200 && answered.body["memberHandle"]?.stringValue == operatorHandle.description, "\(answered.body)")
        let record = try TransactionID(hex: try #require(answered.body["recordTransactionId"]?.stringValue, "\(answered.body)"))
        let recorded = try #require(answered.body["recordHeight"]?.doubleValue.map { UInt64($0) }, "\(answered.body)")
        var healths: [JSONValue] = []
        #expect(try await ConsortiumNodesTests.eventually {
            healths = try await consortium.nodes.asyncMap { try await ConsortiumNodesTests.health(of: $0) }
            return healths.allSatisfy { ($0["finalHeight"]?.doubleValue ?? -1) >= Double(recorded) }
        }, "\(healths)")

        // The record went through the shared log under the regulator's one-time key: the
        // auditor links it to the regulator, and node 0 has it too (its link is recorded there).
        let carrier = try await link(record, through: 2)
        #expect(carrier.status == 200 && carrier.body["memberHandle"]?.stringValue == regulator, "\(carrier.body)")
        let viaNode0 = try await link(record, through: 0)
        #expect(viaNode0.status == 200 && viaNode0.body["memberHandle"]?.stringValue == regulator, "\(viaNode0.body)")
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
