import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// Compaction of the log and catch-up from peers (`specs/consortium.md` §3.3), in process: four
/// nodes over one in-memory log, one of them stopped while the others compact the log past it.
struct LogCatchUpTests {
    typealias Consortium = LogOrdererTests.Consortium

    /// A peer that serves another node's blocks with every signature altered.
    struct TamperingPeer: BlockSource {
        let node: ChainNode
        var sourceName: String { "tampering peer" }
        func blocks(from height: UInt64, count: Int) async throws -> [Block] {
            try node.finalBlocks(from: height, count: count).map { block in
                let signatures = block.signedHeader.signatures.map { NodeSignature(nodeKey: $0.nodeKey, signature: $0.signature.map { $0 ^ 0x80 }) }
                return Block(signedHeader: SignedBlockHeader(header: block.signedHeader.header, signatures: signatures), transactions: block.transactions)
            }
        }
    }

    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func record(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test("a node stopped while the log is compacted past it takes the blocks from a peer, refusing a tampering one, and reaches the same head")
    func stoppedNodeCatchesUpFromPeers() async throws {
        let log = InMemoryOrderedLog()
        let consortium = try Consortium(log: log, size: 4, retention: 4)
        defer { consortium.shutdown() }
        let early = try await consortium.nodes[0].submit(try await consortium.fixture.put("before the stop"))
        #expect(try await LogOrdererTests.eventually { consortium.nodes.allSatisfy { $0.finalHeight >= early.height } })
        consortium.nodes[3].shutdown()
        // Three of four sign: blocks stay final, and the log is compacted past node 3.
        var last = early
        for i in 0..<24 { last = try await consortium.nodes[i % 3].submit(try await consortium.fixture.put("while node 3 is down \(i)")) }
        #expect(try await LogOrdererTests.eventually { consortium.nodes[0..<3].allSatisfy { $0.finalHeight >= last.height } })
        let marker = try #require(try await log.compaction(), "the log was compacted")
        #expect(marker.height > early.height, "past the blocks node 3 holds")
        #expect(try await log.read(entriesFrom: 0, limit: 1, signaturesFrom: 0).entries.first?.sequence == marker.sequence,
                "the entries below the marker are gone")

        let notices = Notices()
        var configuration = ChainNode.Configuration()
        configuration.logOrdering = LogOrdering(log: log)
        configuration.logOrdering?.peers = [TamperingPeer(node: consortium.nodes[0]), consortium.nodes[1]]
        configuration.logOrdering?.onNotice = { notices.record($0) }
        let restarted = try ChainNode(store: consortium.stores[3], nodeKey: consortium.keys[3], handlers: ChainFixture.handlers(),
                                      clock: consortium.fixture.clock, configuration: configuration)
        defer { restarted.shutdown() }
        #expect(try await LogOrdererTests.eventually { restarted.finalHeight >= last.height && restarted.head == consortium.nodes[0].head },
                "node 3 reaches the others' head: \(notices.all)")
        #expect(notices.all.contains { $0.contains("tampering peer") && $0.contains("refused") }, "\(notices.all)")
        // It goes on from the log: a transaction submitted through it after the catch-up.
        let after = try await restarted.submit(try await consortium.fixture.put("after the catch-up"))
        #expect(try await LogOrdererTests.eventually { consortium.nodes[0].finalHeight >= after.height && restarted.finalHeight >= after.height })
        restarted.shutdown()
        consortium.shutdown()
        for height in 0...after.height {
            let hashes = try [consortium.stores[0], consortium.stores[3]].map { try #require(try $0.signedHeader(at: height)).hash }
            #expect(hashes[0] == hashes[1], "block \(height)")
        }
        let report = try ChainVerifier(store: consortium.stores[3], handlers: ChainFixture.handlers()).verify()
        #expect(report.isValid, "\(report)")
    }

    @Test("with no peer that serves verifiable blocks, a node past the compaction waits and names why instead of applying anything")
    func onlyTamperingPeersLeaveTheNodeWaiting() async throws {
        let log = InMemoryOrderedLog()
        let consortium = try Consortium(log: log, size: 4, retention: 2)
        defer { consortium.shutdown() }
        consortium.nodes[3].shutdown()
        var last = try await consortium.nodes[0].submit(try await consortium.fixture.put("first"))
        for i in 0..<12 { last = try await consortium.nodes[i % 3].submit(try await consortium.fixture.put("down \(i)")) }
        #expect(try await LogOrdererTests.eventually { consortium.nodes[0].finalHeight >= last.height })
        #expect(try await log.compaction() != nil)
        let before = try #require(try consortium.stores[3].head()).header
        let notices = Notices()
        var configuration = ChainNode.Configuration()
        configuration.logOrdering = LogOrdering(log: log)
        configuration.logOrdering?.peers = [TamperingPeer(node: consortium.nodes[0])]
        configuration.logOrdering?.onNotice = { notices.record($0) }
        let restarted = try ChainNode(store: consortium.stores[3], nodeKey: consortium.keys[3], handlers: ChainFixture.handlers(),
                                      clock: consortium.fixture.clock, configuration: configuration)
        defer { restarted.shutdown() }
        #expect(try await LogOrdererTests.eventually { notices.all.contains { $0.contains("No peer served verifiable blocks") } }, "\(notices.all)")
        #expect(restarted.head == before, "nothing from the tampering peer was applied")
    }
}
