import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// `specs/chain.md` §2.5 steps 1-4 through `ChainNode.submit` and `check`: each refusal carries
/// its code and nothing reaches the ledger.
struct StatelessRefusalTests {
    /// Submits wire bytes and expects `code`, with the head and the spent set unchanged.
    private func expectRefused(_ code: ChainError.Code, encoded: [UInt8], on chain: ChainFixture,
                               sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let head = chain.node.head
        let spent = try chain.snapshot([ChainNamespace.spentKeys])
        await #expect(throws: ChainError(code, ""), sourceLocation: sourceLocation) {
            try await chain.node.submit(encoded: encoded)
        }
        #expect(chain.node.head == head, sourceLocation: sourceLocation)
        #expect(try chain.store.head()?.header.height == head.height, sourceLocation: sourceLocation)
        #expect(try chain.snapshot([ChainNamespace.spentKeys]) == spent, sourceLocation: sourceLocation)
    }

    /// `check` and `submit` both refuse `transaction` with `code`, leaving the head unchanged.
    private func expectRefused(_ code: ChainError.Code, _ transaction: Transaction, on chain: ChainFixture,
                               sourceLocation: SourceLocation = #_sourceLocation) async throws {
        #expect(throws: ChainError(code, ""), sourceLocation: sourceLocation) { try chain.node.check(transaction) }
        try await expectRefused(code, encoded: transaction.encoded, on: chain, sourceLocation: sourceLocation)
    }

    @Test("garbage, truncated and over-long wire bytes are refused as malformedTransaction", arguments: ChainCryptoSuite.all)
    func malformedEncodings(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let wire = try await chain.put("well formed").encoded
        try await expectRefused(.malformedTransaction, encoded: [], on: chain)
        try await expectRefused(.malformedTransaction, encoded: [0xde, 0xad, 0xbe, 0xef], on: chain)
        try await expectRefused(.malformedTransaction, encoded: [1, 0xff], on: chain)
        try await expectRefused(.malformedTransaction, encoded: Array(wire.dropLast()), on: chain)
        try await expectRefused(.malformedTransaction, encoded: Array(wire.prefix(40)), on: chain)
        try await expectRefused(.malformedTransaction, encoded: wire + [0], on: chain)
        _ = try await chain.node.submit(encoded: wire)
        #expect(chain.node.head.height == 1)
    }

    @Test("more than 65,536 bytes are refused as oversizedTransaction before parsing")
    func oversized() async throws {
        let chain = try ChainFixture()
        try await expectRefused(.oversizedTransaction, encoded: [UInt8](repeating: 1, count: 65_537), on: chain)
    }

    @Test("a transaction built for another chain id is refused as wrongChain", arguments: ChainCryptoSuite.all)
    func wrongChain(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let foreign = try Transaction(type: "test.put", body: Array("x".utf8), chainId: "other-chain", oneTimeKey: key)
        try await expectRefused(.wrongChain, foreign, on: chain)
    }

    @Test("a certificate from another membership-service key is refused as badCertificate", arguments: ChainCryptoSuite.all)
    func foreignMembershipService(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let rogue = chain.membershipService(reading: chain.store, key: chain.suite.signature.generateKey())
        let (keys, request) = try await chain.request("alice", count: 1)
        let issued = try rogue.certify(request, now: chain.clock.nowMilliseconds())
        let credential = OneTimeKeyIssuer.credentials(keys: keys, epoch: request.epoch, issued: issued)[0]
        let transaction = try Transaction(type: "test.put", body: Array("x".utf8), chainId: chain.chainId, oneTimeKey: credential)
        try await expectRefused(.badCertificate, transaction, on: chain)
    }

    @Test("a certificate issued for another envelope or another key is refused as badCertificate", arguments: ChainCryptoSuite.all)
    func mismatchedCertificate(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let keys = try await chain.oneTimeKeys("alice", count: 2)
        let otherEnvelope = OneTimeKeyCredential(privateKey: keys[0].privateKey, epoch: keys[0].epoch,
                                                 certificate: keys[0].certificate, envelope: keys[1].envelope)
        try await expectRefused(.badCertificate, try Transaction(type: "test.put", body: [1], chainId: chain.chainId,
                                                                 oneTimeKey: otherEnvelope), on: chain)
        let otherKey = OneTimeKeyCredential(privateKey: keys[0].privateKey, epoch: keys[0].epoch,
                                            certificate: keys[1].certificate, envelope: keys[1].envelope)
        try await expectRefused(.badCertificate, try Transaction(type: "test.put", body: [1], chainId: chain.chainId,
                                                                 oneTimeKey: otherKey), on: chain)
        let otherEpoch = OneTimeKeyCredential(privateKey: keys[0].privateKey, epoch: keys[0].epoch + 1,
                                              certificate: keys[0].certificate, envelope: keys[0].envelope)
        try await expectRefused(.badCertificate, try Transaction(type: "test.put", body: [1], chainId: chain.chainId,
                                                                 oneTimeKey: otherEpoch), on: chain)
    }

    @Test("flipping a byte of the signature, body, key or epoch on the wire is refused", arguments: ChainCryptoSuite.all)
    func flippedBytes(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let wire = try await chain.put("flip").encoded
        // Offsets from specs/chain.md §2.1 for chain id "test-chain", type "test.put", a 4-byte body;
        // the key is 32 bytes (BIP-340) or 33 (SM2).
        let k = suite.signature.publicKeyLength
        let cases: [(offset: Int, code: ChainError.Code)] = [
            (wire.count - 1, .badSignature), (wire.count - 64, .badSignature),
            (22, .badSignature), (25, .badSignature),
            (26 + 7, .badCertificate), (34, .badCertificate), (34 + k - 1, .badCertificate),
            (34 + k + 10, .badCertificate), (34 + k + 64 + 5, .badCertificate),
        ]
        for (offset, code) in cases {
            var tampered = wire
            tampered[offset] ^= 0x01
            try await expectRefused(code, encoded: tampered, on: chain)
        }
        _ = try await chain.node.submit(encoded: wire)
        #expect(chain.node.head.height == 1)
    }

    @Test("an unregistered transaction type is refused as unknownTransactionType", arguments: ChainCryptoSuite.all)
    func unknownType(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let transaction = try Transaction(type: "no.such.type", body: [1], chainId: chain.chainId, oneTimeKey: key)
        try await expectRefused(.unknownTransactionType, transaction, on: chain)
    }

    @Test("a test.put with an empty body is refused as invalidBody by its structure check")
    func emptyBody() async throws {
        let chain = try ChainFixture()
        try await expectRefused(.invalidBody, try await chain.put(""), on: chain)
    }

    @Test("a gov.approve whose body is not an approval is refused as invalidBody")
    func malformedApproval() async throws {
        let chain = try ChainFixture()
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let transaction = try Transaction(type: .governanceApproval, body: Array("{}".utf8), chainId: chain.chainId,
                                          oneTimeKey: key)
        try await expectRefused(.invalidBody, transaction, on: chain)
    }
}
