import Benchmarks
import AsyncHTTPClient
import Chain
import Consortium
import Foundation
import NIOCore
import NIOHTTP1
import Primitives
import Testing

/// A node made with `didctl init --genesis` and started on the log but never admitted
/// (`specs/consortium.md` §7): every node refuses its entries, its submitter is told why, its
/// published signatures count for nothing, and the admitted nodes keep one head. Real etcd and
/// node processes, each stopped by its own pid.
@Suite(.serialized)
struct ConsortiumAdmissionTests {
    typealias Nodes = ConsortiumNodesTests

    /// Submits without waiting for the block (`Prefer: respond-async`): the status.
    static func submitAsync(_ transaction: Transaction, to node: ConsortiumNodeProcess) async throws -> UInt {
        var request = HTTPClientRequest(url: node.url.appendingPathComponent("transactions").absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Prefer", value: "respond-async")
        request.body = .bytes(ByteBuffer(bytes: JSONValue.object(["transaction": .string(Base64URL.encode(transaction.encoded))]).serialized()))
        return try await HTTPClient.shared.execute(request, timeout: .seconds(60)).status.code
    }

    @Test("a node never admitted cannot append or sign: its entries are refused by every node with a reason, its signatures are not counted, and the admitted nodes keep one head")
    func unadmittedNodeIsRefused() async throws {
        let consortium = try Nodes.Consortium(etcdMembers: 1)
        defer { consortium.stop() }
        try consortium.initialise(count: 4)
        let transactions = try await Nodes.anchors(3, directory: consortium.directories[0])
        for index in 0..<4 { try consortium.start(index) }
        try consortium.admit(1)
        try consortium.admit(2)
        let stranger = consortium.nodes[3]

        // Its entry reaches the log and is refused by every node, itself included.
        let (status, problem) = try await Nodes.submit(transactions[0], to: stranger)
        #expect(status == 422, "\(problem)")
        #expect(problem["type"]?.stringValue == "urn:chancery:problem:unauthorized", "\(problem)")
        #expect(problem["detail"]?.stringValue?.contains("not admitted") == true, "\(problem)")
        #expect(problem["detail"]?.stringValue?.contains(consortium.nodeIds[3]) == true, "the reason names the node: \(problem)")

        // With node 2 down, node 0, node 1 and the stranger apply the next block; the stranger
        // publishes its signature, and the block still is not final: three admitted nodes need
        // all three.
        consortium.nodes[2].stop()
        #expect(try await Self.submitAsync(transactions[1], to: consortium.nodes[0]) == 202)
        var height = 0
        #expect(try await Nodes.eventually {
            let healths = try await [consortium.nodes[0], consortium.nodes[1], stranger].asyncMap { try await Nodes.health(of: $0) }
            let heights = Set(healths.compactMap { $0["height"]?.doubleValue.map(Int.init) })
            guard heights.count == 1, let only = heights.first, only > 0 else { return false }
            let finals = healths.compactMap { $0["finalHeight"]?.doubleValue.map(Int.init) }
            guard finals.allSatisfy({ $0 == only - 1 }) else { return false }
            height = only
            return true
        }, "three nodes applied the block")
        let etcd = EtcdClient(endpoints: consortium.cluster.endpoints, httpClient: .shared)
        let key = Array(("/chancery/consortium-test/sig/" + String(format: "%020d", height) + "/" + consortium.nodeIds[3]).utf8)
        #expect(try await Nodes.eventually { !(try await etcd.range(key: key).values.isEmpty) }, "the stranger published its signature")
        try await Task.sleep(for: .seconds(3))
        for node in consortium.nodes[0..<2] {
            let health = try await Nodes.health(of: node)
            #expect(health["finalHeight"]?.doubleValue == Double(height - 1), "its signature does not make block \(height) final: \(health)")
        }

        // Node 2 back: the block is final on every node, the stranger's too, with one head.
        try consortium.start(2)
        let agreed = try #require(try await ConsortiumFailureTests.agreedHeight(consortium))
        #expect(agreed >= height)
        for node in consortium.nodes { node.stop() }
        let stores = try consortium.directories.map { try ConsortiumFailureTests.readOnlyStore($0) }
        #expect(Set(try stores.map { try #require(try $0.head()).hash }).count == 1)
        for store in stores {
            #expect(try store.location(of: transactions[0].id) == nil, "the stranger's transaction is in no ledger")
            #expect(try store.location(of: transactions[1].id) != nil)
        }
        let heads = try stores.map { try #require(try $0.head()) }
        #expect(heads.allSatisfy { !$0.signatures.contains { Hex.encode($0.nodeKey) == consortium.nodeIds[3] } },
                "no stored quorum carries the stranger's signature")
    }
}
