import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// Pins the wire form of `specs/chain.md` §2.1 byte by byte.
struct TransactionWireTests {
    @Test("every field sits at the offset that specs/chain.md §2.1 gives", arguments: ChainCryptoSuite.all)
    func wireLayout(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let transaction = try Transaction(type: "test.put", body: Array("layout".utf8), chainId: "test-chain", oneTimeKey: key)
        let wire = transaction.encoded
        // The format byte: the suite in the high nibble (0 standard, 1 sm), version 1 in the low one.
        #expect(wire[0] == (suite == .sm ? 0x11 : 0x01))
        #expect(transaction.suite == suite)
        #expect(wire[1] == 10)
        #expect(Array(wire[2..<12]) == Array("test-chain".utf8))
        #expect(wire[12] == 8)
        #expect(Array(wire[13..<21]) == Array("test.put".utf8))
        #expect(wire[21] == 6)
        #expect(Array(wire[22..<28]) == Array("layout".utf8))
        var epoch = ByteWriter()
        epoch.u64(key.epoch)
        #expect(Array(wire[28..<36]) == epoch.bytes)
        // A BIP-340 key is 32 bytes and its envelope 120; an SM2 key 33 and its envelope 121.
        let k = suite == .sm ? 33 : 32, e = suite == .sm ? 121 : 120
        #expect(Array(wire[36..<36 + k]) == key.publicKey)
        #expect(Array(wire[36 + k..<100 + k]) == key.certificate)
        #expect(Array(wire[100 + k..<100 + k + e]) == key.envelope)
        #expect(Array(wire[100 + k + e..<164 + k + e]) == transaction.signature)
        #expect(wire.count == (suite == .sm ? 318 : 316))
        // The id is H of the wire bytes: SHA-256, or SM3 in the sm suite.
        #expect(transaction.id.bytes == (suite == .sm ? Hash.sm3(wire) : Hash.sha256(wire)))
    }

    @Test("decoding the wire bytes gives back every field", arguments: ChainCryptoSuite.all)
    func decodeRoundTrip(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let transaction = try await chain.put("round trip")
        let decoded = try Transaction(decoding: transaction.encoded)
        #expect(decoded.chainId == chain.chainId)
        #expect(decoded.type == TestPutHandler.transactionType)
        #expect(decoded.body == Array("round trip".utf8))
        #expect(decoded.epoch == chain.epoch)
        #expect(decoded.oneTimeKey == transaction.oneTimeKey)
        #expect(decoded.certificate == transaction.certificate)
        #expect(decoded.envelope == transaction.envelope)
        #expect(decoded.signature == transaction.signature)
        #expect(decoded.id == transaction.id)
    }

    @Test("every truncation of a transaction is refused as malformedTransaction", arguments: ChainCryptoSuite.all)
    func everyTruncationRefused(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let wire = try await chain.put("truncate me").encoded
        for length in 0..<wire.count {
            #expect(throws: ChainError(.malformedTransaction, ""), "length \(length)") {
                try Transaction(decoding: Array(wire.prefix(length)))
            }
        }
    }

    @Test("a trailing byte after a transaction is refused as malformedTransaction", arguments: ChainCryptoSuite.all)
    func trailingByteRefused(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let wire = try await chain.put("trailing").encoded
        #expect(throws: ChainError(.malformedTransaction, "")) { try Transaction(decoding: wire + [0]) }
    }

    @Test("a transaction of another wire version is refused as malformedTransaction", arguments: ChainCryptoSuite.all)
    func otherVersionRefused(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let wire = try await chain.put("version").encoded
        // Version 2 of either suite, and version 1 of a suite that does not exist (nibble 2).
        for format: UInt8 in [0x02, 0x12, 0x21, 0xF1] {
            var other = wire
            other[0] = format
            #expect(throws: ChainError(.malformedTransaction, ""), "format \(format)") { try Transaction(decoding: other) }
        }
    }

    @Test("a transaction of exactly 65,536 bytes is accepted and one byte more is oversizedTransaction", arguments: ChainCryptoSuite.all)
    func sizeLimit(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let keys = try await chain.oneTimeKeys("alice", count: 2)
        let probe = try Transaction(type: "test.put", body: [UInt8](repeating: 7, count: 65_000), chainId: chain.chainId,
                                    oneTimeKey: keys[0])
        let largest = 65_000 + Transaction.maximumSize - probe.encoded.count
        let fits = try Transaction(type: "test.put", body: [UInt8](repeating: 7, count: largest), chainId: chain.chainId,
                                   oneTimeKey: keys[0])
        #expect(fits.encoded.count == 65_536)
        #expect(throws: ChainError(.oversizedTransaction, "")) {
            try Transaction(type: "test.put", body: [UInt8](repeating: 7, count: largest + 1), chainId: chain.chainId,
                            oneTimeKey: keys[1])
        }
        #expect(throws: ChainError(.oversizedTransaction, "")) { try Transaction(decoding: fits.encoded + [0]) }
    }
}
