import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// `specs/chain.md` §2.3–2.4: two transactions of one member share no field, and only the
/// auditor can tell whose they are.
struct UnlinkabilityTests {
    /// The per-transaction fields a reader of the ledger sees besides type, body and epoch.
    private func identifyingBytes(_ transaction: Transaction) -> [UInt8] {
        transaction.oneTimeKey + transaction.certificate + transaction.envelope + transaction.signature
    }

    /// Every 8-byte window of `bytes`.
    private func windows(_ bytes: [UInt8]) -> Set<[UInt8]> {
        Set((0...(bytes.count - 8)).map { Array(bytes[$0..<$0 + 8]) })
    }

    @Test("two transactions of one member share no key, certificate, envelope, signature or 8-byte window")
    func noSharedBytes() async throws {
        let chain = try ChainFixture()
        let first = try await chain.put("same member, first")
        let second = try await chain.put("same member, second")
        #expect(first.oneTimeKey != second.oneTimeKey)
        #expect(first.certificate != second.certificate)
        #expect(first.envelope != second.envelope)
        #expect(first.signature != second.signature)
        let a = identifyingBytes(first), b = identifyingBytes(second)
        #expect(a.count == (chain.suite == .sm ? 282 : 280))
        #expect(windows(a).isDisjoint(with: windows(b)))
        _ = try await chain.node.submit(first)
        _ = try await chain.node.submit(second)
        #expect(chain.node.head.height == 2)
    }

    @Test("two one-time keys issued in one request share no certificate or envelope bytes")
    func batchIssuanceUnlinkable() async throws {
        let chain = try ChainFixture()
        let keys = try await chain.oneTimeKeys("alice", count: 2)
        let a = keys[0].publicKey + keys[0].certificate + keys[0].envelope
        let b = keys[1].publicKey + keys[1].certificate + keys[1].envelope
        #expect(windows(a).isDisjoint(with: windows(b)))
    }

    @Test("the auditor opens each envelope to the member's handle and the transaction's key and epoch")
    func auditorOpensEnvelope() async throws {
        let chain = try ChainFixture()
        let alice = try await chain.handle("alice")
        for transaction in [try await chain.put("audited one"), try await chain.put("audited two")] {
            let envelope = try AuditorEnvelope(opening: transaction.envelope, with: chain.auditorKey)
            #expect(envelope.memberHandle == alice)
            #expect(envelope.oneTimeKey == transaction.oneTimeKey)
            #expect(envelope.epoch == transaction.epoch)
        }
        let bobs = try await chain.put("bob's", by: "bob")
        let bob = try await chain.handle("bob")
        #expect(try AuditorEnvelope(opening: bobs.envelope, with: chain.auditorKey).memberHandle == bob)
    }

    @Test("another X25519 key cannot open an envelope and is refused as unauthorized")
    func otherKeyCannotOpen() async throws {
        let chain = try ChainFixture()
        let transaction = try await chain.put("sealed")
        #expect(throws: ChainError(.unauthorized, "")) {
            try AuditorEnvelope(opening: transaction.envelope, with: X25519PrivateKey())
        }
        var damaged = transaction.envelope
        damaged[60] ^= 1
        #expect(throws: ChainError(.unauthorized, "")) { try AuditorEnvelope(opening: damaged, with: chain.auditorKey) }
    }

    @Test("an envelope seals exactly 72 bytes: handle, key and big-endian epoch")
    func envelopePlaintextLayout() async throws {
        let chain = try ChainFixture()
        let transaction = try await chain.put("layout")
        let plaintext = try SealedBox.open(transaction.envelope, with: chain.auditorKey)
        var expected = ByteWriter()
        expected.raw(try await chain.handle("alice").bytes)
        expected.raw(transaction.oneTimeKey)
        expected.u64(transaction.epoch)
        #expect(plaintext == expected.bytes)
        // 32-byte handle, the one-time key (32 bytes BIP-340, 33 SM2) and an 8-byte epoch.
        let size = chain.suite == .sm ? 73 : 72
        #expect(plaintext.count == size)
        #expect(transaction.envelope.count == size + SealedBox.overhead)
    }
}
