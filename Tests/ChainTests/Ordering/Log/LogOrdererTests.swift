import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// Three consortium nodes over one in-memory log (`specs/consortium.md` §3-§6): the same blocks
/// cut on every node, receipts once final, quorum signatures stored, divergence flagged.
struct LogOrdererTests {
    /// Three nodes named by one genesis, each with its own store and key, sharing `log`.
    struct Consortium {
        let fixture: ChainFixture
        let genesis: Genesis
        let keys: [SigningKey]
        let stores: [InMemoryBlockStore]
        let nodes: [ChainNode]
        let alerts = Alerts()

        /// `running` of the `size` nodes are started (the others are named by genesis only).
        init(log: InMemoryOrderedLog = InMemoryOrderedLog(), size: Int = 3, running: Int? = nil, alteredGenesisOf altered: Int? = nil,
             retention: UInt64? = nil, inFlightWait: Duration = .seconds(1)) throws {
            let fixture = try ChainFixture()
            self.fixture = fixture
            let keys = (0..<size).map { _ in fixture.suite.signature.generateKey() }
            self.keys = keys
            var genesis = fixture.genesis
            genesis.nodes = keys.map { Hex.encode($0.publicKey) }
            self.genesis = genesis
            let stores = keys.map { _ in InMemoryBlockStore() }
            self.stores = stores
            var nodes: [ChainNode] = []
            for (index, key) in keys.enumerated().prefix(running ?? size) {
                var configuration = ChainNode.Configuration()
                let alerts = self.alerts
                configuration.logOrdering = LogOrdering(log: log, onDivergence: { alerts.record($0) })
                configuration.logOrdering?.retention = retention
                configuration.logOrdering?.inFlightWait = inFlightWait
                var own = genesis
                // A node whose genesis differs in one field computes other headers from block 0 on.
                if index == altered { own.time += 1 }
                nodes.append(try ChainNode.create(store: stores[index], genesis: own, nodeKey: key, handlers: ChainFixture.handlers(),
                                                  clock: fixture.clock, configuration: configuration))
            }
            self.nodes = nodes
        }

        func shutdown() { for node in nodes { node.shutdown() } }
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    final class Alerts: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [DivergenceAlert] = []
        func record(_ alert: DivergenceAlert) { lock.withLock { recorded.append(alert) } }
        var all: [DivergenceAlert] { lock.withLock { recorded } }
    }

    /// Polls `condition` every 10 ms for at most 60 s.
    static func eventually(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<6_000 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    /// Polls the log every 10 ms for at most 60 s until it holds at least `count` entries.
    static func entryCount(of log: InMemoryOrderedLog, reaches count: Int) async throws -> Bool {
        for _ in 0..<6_000 {
            if try await log.read(entriesFrom: 0, limit: 0, signaturesFrom: 0).entries.count >= count { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test("transactions submitted through three nodes at once get final receipts, and every node holds the same headers")
    func threeNodesAgree() async throws {
        let consortium = try Consortium()
        defer { consortium.shutdown() }
        let transactions = try await withThrowingTaskGroup(of: Transaction.self) { group in
            for i in 0..<90 { group.addTask { try await consortium.fixture.put("tx \(i)") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let receipts = try await withThrowingTaskGroup(of: (Int, TransactionReceipt).self) { group in
            for (i, transaction) in transactions.enumerated() {
                group.addTask { (i % 3, try await consortium.nodes[i % 3].submit(transaction)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(receipts.map(\.1.transactionId)) == Set(transactions.map(\.id)))
        for (index, receipt) in receipts {
            #expect(consortium.nodes[index].finalHeight >= receipt.height, "a receipt is sent only once its block is final")
        }
        let top = receipts.map(\.1.height).max()!
        #expect(try await Self.eventually { consortium.nodes.allSatisfy { $0.finalHeight >= top } })
        for height in 0...top {
            let headers = try consortium.stores.map { try #require(try $0.signedHeader(at: height)) }
            #expect(Set(headers.map(\.hash)).count == 1, "block \(height) has one hash on all three nodes")
            #expect(headers.allSatisfy { header in consortium.keys.allSatisfy { header.isSigned(by: $0.publicKey) } },
                    "a final block stores the signatures of all three nodes")
        }
        let proposers = try Set((1...top).map { try consortium.stores[0].signedHeader(at: $0)!.header.proposer })
        #expect(proposers.isSubset(of: Set(consortium.keys.map(\.publicKey))))
        #expect(try consortium.stores[0].signedHeader(at: 0)?.header.proposer == consortium.keys[0].publicKey,
                "block 0's proposer is genesis's first node")
        for store in consortium.stores {
            let report = try ChainVerifier(store: store, handlers: ChainFixture.handlers()).verify()
            #expect(report.isValid, "\(report)")
            #expect(report.verifiedTransactions == 90)
        }
    }

    @Test("chain verify accepts a block signed by a quorum instead of its proposer, and refuses one that only the applying node signed")
    func verificationNeedsProposerOrQuorum() async throws {
        let consortium = try Consortium()
        defer { consortium.shutdown() }
        let receipt = try await consortium.nodes[0].submit(try await consortium.fixture.put("proposed by node 0"))
        #expect(try await Self.eventually { consortium.nodes.allSatisfy { $0.finalHeight >= receipt.height } })
        consortium.shutdown()
        let store = consortium.stores[1]
        let signed = try #require(try store.signedHeader(at: receipt.height))
        #expect(signed.header.proposer == consortium.keys[0].publicKey)
        #expect(try ChainVerifier(store: store, handlers: ChainFixture.handlers()).verify().isValid)
        // As stored before finality: node 1's own signature only, not the proposer's.
        try store.replaceSignatures(signed.signatures.filter { $0.nodeKey == consortium.keys[1].publicKey }, at: receipt.height)
        let report = try ChainVerifier(store: store, handlers: ChainFixture.handlers()).verify()
        #expect(report.firstBadBlock == receipt.height)
        #expect(report.problem?.contains("two thirds") == true, "\(report)")
        #expect(try ChainVerifier(store: store, handlers: ChainFixture.handlers()).verifyRecent(64).isValid,
                "the check at start accepts a signature by any node of the chain")
    }

    @Test("a transaction in the log twice is committed once: every node refuses the copy as spentOneTimeKey")
    func replayedEntryIsRefusedEverywhere() async throws {
        let consortium = try Consortium()
        defer { consortium.shutdown() }
        let transaction = try await consortium.fixture.put("once")
        let first = try await consortium.nodes[0].submit(transaction)
        await #expect(throws: ChainError(.spentOneTimeKey, "")) { try await consortium.nodes[1].submit(transaction) }
        let after = try await consortium.nodes[2].submit(try await consortium.fixture.put("after"))
        #expect(after.height == first.height + 1, "the refused copy made no block")
        #expect(try await Self.eventually { consortium.nodes.allSatisfy { $0.finalHeight == after.height } })
        #expect(Set(consortium.nodes.map(\.head.hash)).count == 1)
    }

    @Test("an entry appended by a node that is not admitted is refused whole by every node")
    func entryOfUnadmittedNodeIsRefused() async throws {
        let log = InMemoryOrderedLog()
        let consortium = try Consortium(log: log)
        defer { consortium.shutdown() }
        let stranger = consortium.fixture.suite.signature.generateKey()
        let transaction = try await consortium.fixture.put("smuggled")
        _ = try await log.append(LogEntry(node: stranger.publicKey, time: consortium.fixture.clock.nowMilliseconds(),
                                          transactions: [transaction.encoded]).encoded)
        let receipt = try await consortium.nodes[1].submit(try await consortium.fixture.put("admitted"))
        #expect(receipt.height == 1, "the stranger's entry made no block")
        for store in consortium.stores { #expect(try store.location(of: transaction.id) == nil) }
    }

    @Test("while a node's entries wait for finality, its next submissions gather into one entry, and one block, instead of one each")
    func entriesGrowWhileBlocksAreNotFinal() async throws {
        let log = InMemoryOrderedLog()
        // The third node is named by genesis but not running: no block can be final (three of three).
        // Batches wait for finality up to a minute here, so that a loaded machine's slow
        // submissions cannot outlast the wait and split the gathered entry.
        let consortium = try Consortium(log: log, running: 2, inFlightWait: .seconds(60))
        defer { consortium.shutdown() }
        let node = consortium.nodes[0]
        let early = try await [consortium.fixture.put("early 0"), consortium.fixture.put("early 1")]
        let later = try await withThrowingTaskGroup(of: Transaction.self) { group in
            for i in 0..<20 { group.addTask { try await consortium.fixture.put("later \(i)") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let queued = Flag()
        let receipts = Task {
            try await withThrowingTaskGroup(of: TransactionReceipt.self) { group in
                // Two entries in flight, each of one transaction, 50 ms apart so that they are two.
                for transaction in early {
                    group.addTask { try await node.submit(transaction) }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(try await Self.entryCount(of: log, reaches: 2))
                // Twenty more, 5 ms apart (far beyond the 1 ms pause that closes a batch): they
                // wait, gathering, until an entry is final (or the wait ends).
                for transaction in later {
                    group.addTask { try await node.submit(transaction) }
                    try await Task.sleep(for: .milliseconds(5))
                }
                queued.set()
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(try await Self.eventually { queued.isSet })
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await log.read(entriesFrom: 0, limit: 0, signaturesFrom: 0).entries.count == 2,
                "the later twenty wait while both entries in flight are not final")
        #expect(node.finalHeight == 0, "nothing is final with one of three nodes missing")

        // The third node starts: everything becomes final, the twenty in one block.
        var configuration = ChainNode.Configuration()
        configuration.logOrdering = LogOrdering(log: log)
        let third = try ChainNode.create(store: InMemoryBlockStore(), genesis: consortium.genesis, nodeKey: consortium.keys[2],
                                         handlers: ChainFixture.handlers(), clock: consortium.fixture.clock, configuration: configuration)
        defer { third.shutdown() }
        let answered = try await receipts.value
        #expect(answered.count == 22)
        let entries = try await log.read(entriesFrom: 0, limit: 0, signaturesFrom: 0).entries
        #expect(entries.count == 3, "\(entries.count) entries: the later twenty were gathered into one")
        let gathered = try LogEntry(decoding: try #require(entries.last).entry)
        #expect(Set(gathered.transactions) == Set(later.map(\.encoded)))
        let heights = Dictionary(grouping: answered, by: \.height).mapValues(\.count)
        #expect(heights.values.sorted() == [1, 1, 20], "\(heights)")
    }

    @Test("a node whose headers differ raises an alert naming itself, the height and the others, and stops signing")
    func divergentNodeStopsSigning() async throws {
        let consortium = try Consortium(alteredGenesisOf: 2)
        defer { consortium.shutdown() }
        let odd = Hex.encode(consortium.keys[2].publicKey)
        #expect(try await Self.eventually { consortium.nodes[2].divergence?.stoppedSigning == true })
        let alert = try #require(consortium.nodes[2].divergence)
        #expect(alert.node == odd)
        #expect(alert.height == 0)
        #expect(Set(alert.disagreeing.map(\.node)) == Set(consortium.keys[0..<2].map { Hex.encode($0.publicKey) }))
        #expect(consortium.alerts.all.contains { $0.node == odd && $0.stoppedSigning })
        #expect(try await Self.eventually { consortium.nodes[0].divergence != nil })
        let majority = try #require(consortium.nodes[0].divergence)
        #expect(majority.disagreeing.map(\.node) == [odd], "the majority names the odd node")
        #expect(!majority.stoppedSigning, "two of three signed its hash: it keeps signing")
        #expect(consortium.nodes[0].finalHeight == 0 && consortium.stores[0].signatures(at: 0) < 3,
                "without the third node's signature nothing is final: a quorum of three is three")
    }
}

private extension InMemoryBlockStore {
    func signatures(at height: UInt64) -> Int { ((try? signedHeader(at: height)) ?? nil)?.signatures.count ?? 0 }
}
