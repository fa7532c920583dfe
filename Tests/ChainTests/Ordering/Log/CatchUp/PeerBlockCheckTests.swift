import Chain
import ChainTestSupport
import Primitives
import Testing

/// What a catching-up node checks in a peer's block before replaying it
/// (`specs/consortium.md` §3.3): a tampered block is refused with a reason.
struct PeerBlockCheckTests {
    typealias Consortium = LogOrdererTests.Consortium

    /// A final block of a three-node consortium, its parent's header and the admitted nodes.
    static func finalBlock() async throws -> (Consortium, Block, BlockHeader, Set<[UInt8]>) {
        let consortium = try Consortium()
        let receipt = try await consortium.nodes[0].submit(try await consortium.fixture.put("served"))
        #expect(try await LogOrdererTests.eventually { consortium.nodes.allSatisfy { $0.finalHeight >= receipt.height } })
        let block = try #require(try consortium.nodes[1].finalBlocks(from: receipt.height, count: 1).first)
        let parent = try #require(try consortium.stores[1].signedHeader(at: receipt.height - 1)).header
        return (consortium, block, parent, Set(consortium.keys.map(\.publicKey)))
    }

    @Test("a peer's genuine final block passes the checks")
    func genuineBlockPasses() async throws {
        let (consortium, block, parent, nodes) = try await Self.finalBlock()
        defer { consortium.shutdown() }
        let check = PeerBlockCheck(chainId: consortium.genesis.chainId, suite: consortium.fixture.suite)
        #expect(check.refusal(of: block, after: parent, nodes: nodes) == nil)
        #expect(block.signedHeader.signatures.count == 3, "served with the quorum's signatures")
    }

    @Test("a block whose transaction was altered is refused: it no longer matches the header's Merkle root")
    func alteredTransactionIsRefused() async throws {
        let (consortium, block, parent, nodes) = try await Self.finalBlock()
        defer { consortium.shutdown() }
        let other = try await consortium.fixture.put("not what was ordered")
        let altered = Block(signedHeader: block.signedHeader, transactions: [other])
        let reason = PeerBlockCheck(chainId: consortium.genesis.chainId, suite: consortium.fixture.suite)
            .refusal(of: altered, after: parent, nodes: nodes)
        #expect(reason?.contains("Merkle root") == true, "\(reason ?? "passed")")
    }

    @Test("a block with a bad signature is refused: fewer than a quorum of valid signatures remain")
    func badSignatureIsRefused() async throws {
        let (consortium, block, parent, nodes) = try await Self.finalBlock()
        defer { consortium.shutdown() }
        var signatures = block.signedHeader.signatures
        signatures[0] = NodeSignature(nodeKey: signatures[0].nodeKey, signature: signatures[0].signature.map { $0 ^ 0x01 })
        let tampered = Block(signedHeader: SignedBlockHeader(header: block.signedHeader.header, signatures: signatures),
                             transactions: block.transactions)
        let reason = PeerBlockCheck(chainId: consortium.genesis.chainId, suite: consortium.fixture.suite)
            .refusal(of: tampered, after: parent, nodes: nodes)
        #expect(reason?.contains("two thirds") == true, "\(reason ?? "passed")")
    }

    @Test("a block signed by nodes that are not admitted is refused, however many signed it")
    func strangersSignaturesAreRefused() async throws {
        let (consortium, block, parent, _) = try await Self.finalBlock()
        defer { consortium.shutdown() }
        let strangers = Set((0..<3).map { _ in consortium.fixture.suite.signature.generateKey().publicKey })
        let reason = PeerBlockCheck(chainId: consortium.genesis.chainId, suite: consortium.fixture.suite)
            .refusal(of: block, after: parent, nodes: strangers)
        #expect(reason != nil)
    }

    @Test("a block that does not follow this node's head is refused")
    func unlinkedBlockIsRefused() async throws {
        let (consortium, block, _, nodes) = try await Self.finalBlock()
        defer { consortium.shutdown() }
        let genesis = try #require(try consortium.stores[0].signedHeader(at: 0)).header
        // Another parent at the right height: its state commitment differs, so its hash does.
        let fake = BlockHeader(suite: genesis.suite, chainId: genesis.chainId, height: block.height - 1, previousHash: genesis.previousHash,
                               transactionsRoot: genesis.transactionsRoot, stateRoot: genesis.stateRoot.map { $0 ^ 0xFF }, time: genesis.time,
                               proposer: genesis.proposer, transactionCount: 0)
        let unlinked = PeerBlockCheck(chainId: consortium.genesis.chainId, suite: consortium.fixture.suite)
            .refusal(of: block, after: fake, nodes: nodes)
        #expect(unlinked?.contains("does not link") == true, "\(unlinked ?? "passed")")
    }

    @Test("a block read back from its JSON form is the block served")
    func jsonRoundTrip() async throws {
        let (consortium, block, _, _) = try await Self.finalBlock()
        defer { consortium.shutdown() }
        let read = try Block(json: try JSONValue(parsing: block.json.serialized()))
        #expect(read.signedHeader == block.signedHeader)
        #expect(read.transactions.map(\.id) == block.transactions.map(\.id))
        #expect(throws: ChainError.self) { try Block(json: .object(["header": .string("not base64url!"), "signatures": .array([]), "transactions": .array([])])) }
    }
}
