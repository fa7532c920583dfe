import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// Pins the wire form of `specs/chain.md` §2.1 byte by byte.
struct TransactionWireTests {
    @Test("every field sits at the offset that specs/chain.md §2.1 gives")
    func wireLayout() async throws {
        let chain = try ChainFixture()
        let key = try await chain.oneTimeKeys("alice", count: 1)[0]
        let transaction = try Transaction(type: "test.put", body: Array("layout".utf8), chainId: "test-chain", oneTimeKey: key)
        let wire = transaction.encoded
        #expect(wire[0] == 1)
        #expect(wire[1] == 10)
        #expect(Array(wire[2..<12]) == Array("test-chain".utf8))
        #expect(wire[12] == 8)
        #expect(Array(wire[13..<21]) == Array("test.put".utf8))
        #expect(wire[21] == 6)
        #expect(Array(wire[22..<28]) == Array("layout".utf8))
        var epoch = ByteWriter()
        epoch.u64(key.epoch)
        #expect(Array(wire[28..<36]) == epoch.bytes)
        #expect(Array(wire[36..<68]) == key.publicKey)
        #expect(Array(wire[68..<132]) == key.certificate)
        #expect(Array(wire[132..<252]) == key.envelope)
        #expect(Array(wire[252..<316]) == transaction.signature)
        #expect(wire.count == 316)
        #expect(transaction.id.bytes == Hash.sha256(wire))
    }

    @Test("decoding the wire bytes gives back every field")
    func decodeRoundTrip() async throws {
        let chain = try ChainFixture()
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

    @Test("every truncation of a transaction is refused as malformedTransaction")
    func everyTruncationRefused() async throws {
        let chain = try ChainFixture()
        let wire = try await chain.put("truncate me").encoded
        for length in 0..<wire.count {
            #expect(throws: ChainError(.malformedTransaction, ""), "length \(length)") {
                try Transaction(decoding: Array(wire.prefix(length)))
            }
        }
    }

    @Test("a trailing byte after a transaction is refused as malformedTransaction")
    func trailingByteRefused() async throws {
        let chain = try ChainFixture()
        let wire = try await chain.put("trailing").encoded
        #expect(throws: ChainError(.malformedTransaction, "")) { try Transaction(decoding: wire + [0]) }
    }

    @Test("a transaction of another wire version is refused as malformedTransaction")
    func otherVersionRefused() async throws {
        let chain = try ChainFixture()
        var wire = try await chain.put("version").encoded
        wire[0] = 2
        #expect(throws: ChainError(.malformedTransaction, "")) { try Transaction(decoding: wire) }
    }

    @Test("a transaction of exactly 65,536 bytes is accepted and one byte more is oversizedTransaction")
    func sizeLimit() async throws {
        let chain = try ChainFixture()
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
