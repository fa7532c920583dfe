import Benchmarks
import AsyncHTTPClient
import Chain
import Consortium
import Foundation
import Primitives
import Testing

/// Compaction of the log and catch-up from peers (`specs/consortium.md` §3.3) with real etcd and
/// node processes, each stopped by its own pid: four admitted nodes (three of four make a
/// quorum), one stopped while the others compact the log past it; restarted with `--peers`, it
/// takes the blocks it lacks from them and reaches the same head.
@Suite(.serialized)
struct ConsortiumCatchUpTests {
    typealias Nodes = ConsortiumNodesTests

    @Test("a node down while the log is compacted past it, and a node joining after, catch up from their peers' signed blocks to the same head and headers, and their ledgers verify")
    func stoppedNodeCatchesUpAfterCompaction() async throws {
        let consortium = try Nodes.Consortium(etcdMembers: 1)
        defer { consortium.stop() }
        try consortium.initialise(count: 4)
        var transactions = try await Nodes.anchors(100, directory: consortium.directories[0])
        // Small, so that a few dozen blocks compact the log; not so small that a live node slow
        // to count signatures on a loaded machine falls behind the compaction (it has no --peers).
        let retention = ["--log-retention", "8"]
        for index in 0..<4 { try consortium.start(index, arguments: retention) }
        for index in 1..<4 { try consortium.admit(index) }
        consortium.nodes[3].stop()
        let cursorText = try String(contentsOf: consortium.directories[3].appendingPathComponent("log-cursor"), encoding: .utf8)
        let stoppedAt = try #require(UInt64(cursorText.split(separator: " ").first ?? ""))

        let log = EtcdOrderedLog(etcd: EtcdClient(endpoints: consortium.cluster.endpoints, httpClient: .shared), chainId: "consortium-test")
        var marker: LogCompaction?
        // Small groups through the three live nodes make many blocks, until the log's first
        // entry lies past node 3's next one.
        for _ in 0..<14 where (marker?.sequence ?? 0) <= stoppedAt && transactions.count >= 6 {
            let group = Array(transactions.prefix(6))
            transactions.removeFirst(6)
            let answers = try await ConsortiumFailureTests.submitAll(group, to: consortium)
            #expect(answers.allSatisfy { $0.1 == 200 }, "\(answers.map(\.1))")
            marker = try await log.compaction()
        }
        let compacted = try #require(marker, "the log was compacted")
        #expect(compacted.sequence > stoppedAt, "past node 3's next entry")
        let first = try await log.entries.entries(from: 0, limit: 1).first?.sequence
        #expect(first == nil || first! >= compacted.sequence, "no entry below the marker is left")

        let peers = consortium.nodes[0..<3].map(\.url.absoluteString).joined(separator: ",")
        try consortium.start(3, arguments: retention + ["--peers", peers])
        let height = try #require(try await ConsortiumFailureTests.agreedHeight(consortium), "all four agree on a final head")
        #expect(UInt64(height) > compacted.height)
        // It goes on from the log: a transaction submitted through it.
        let (status, body) = try await Nodes.submit(transactions[0], to: consortium.nodes[3])
        #expect(status == 200, "\(body)")
        // A new node, joined after the compaction: it takes every block from its peers too.
        let joined = try DidctlExecutable.run(["init", "--genesis", consortium.directories[0].appendingPathComponent("genesis.json").path,
                                               "--json", "--data-dir", consortium.directory(4).path])
        #expect(joined.status == 0, "\(joined.stderr)")
        consortium.directories.append(consortium.directory(4))
        try consortium.start(4, arguments: retention + ["--peers", peers])
        let top = try #require(try await ConsortiumFailureTests.agreedHeight(consortium), "all five agree on a final head")
        for node in consortium.nodes { node.stop() }
        #expect(consortium.nodes[4].standardError().contains("Caught up from peers"))
        #expect(consortium.nodes[3].standardError().contains("Caught up from peers"))
        let stores = try consortium.directories.map { try ConsortiumFailureTests.readOnlyStore($0) }
        for height in 0...UInt64(top) {
            let hashes = try stores.map { try #require(try $0.signedHeader(at: height), "block \(height)").hash }
            #expect(Set(hashes).count == 1, "block \(height) has one hash on all five nodes")
        }
        for index in [3, 4] {
            let verified = try DidctlExecutable.run(["chain", "verify", "--json", "--data-dir", consortium.directories[index].path])
            #expect(verified.status == 0, "node \(index): \(verified.stdout) \(verified.stderr)")
        }
    }
}
