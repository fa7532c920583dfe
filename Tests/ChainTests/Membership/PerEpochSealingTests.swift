import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// `specs/audit.md` §6: the membership service seals each epoch's envelopes and issuance-log
/// entries to the auditor's key of that epoch, from the keys the auditor published ahead of
/// time, and the audit index opens each with the matching epoch key.
struct PerEpochSealingTests {
    @Test("envelopes of two epochs use different auditor keys; the keyring opens both and one epoch's key not the other's")
    func twoEpochs() async throws {
        let chain = try ChainFixture()
        let keyring = AuditorKeyring(master: Secp256k1PrivateKey())
        let first = chain.epoch
        let published = try keyring.publish(epochs: first..<first + 2)
        #expect(published.epochs == [first, first + 1])
        #expect(try published.publicKey(epoch: first) != published.publicKey(epoch: first + 1))
        let log = IssuanceLogTests.IssuanceLog()
        let service = MembershipService(chainId: chain.chainId, key: chain.membershipKey, auditorKeys: published,
                                        schedule: EpochSchedule(epochSeconds: chain.genesis.epochSeconds), members: chain.store,
                                        log: { log.append($0) })

        let early = try await Self.put("in the first epoch", service: service, chain: chain)
        chain.clock.advance(milliseconds: chain.genesis.epochSeconds * 1000)
        let late = try await Self.put("in the second epoch", service: service, chain: chain)
        #expect(early.epoch == first && late.epoch == first + 1)

        let (firstKey, secondKey) = (try keyring.privateKey(epoch: first), try keyring.privateKey(epoch: first + 1))
        #expect(try AuditorEnvelope(opening: early.envelope, with: firstKey).oneTimeKey == early.oneTimeKey)
        #expect(try AuditorEnvelope(opening: late.envelope, with: secondKey).oneTimeKey == late.oneTimeKey)
        #expect(throws: ChainError(.unauthorized, "")) { try AuditorEnvelope(opening: early.envelope, with: secondKey) }
        #expect(throws: ChainError(.unauthorized, "")) { try AuditorEnvelope(opening: late.envelope, with: firstKey) }
        #expect(throws: ChainError(.unauthorized, "")) { try AuditorEnvelope(opening: early.envelope, with: chain.auditorKey) }

        // The issuance log of each epoch is sealed to the same epoch key.
        let entries = log.entries
        try #require(entries.count == 2)
        #expect((try? SealedBox.open(entries[0], with: firstKey)) != nil && (try? SealedBox.open(entries[0], with: secondKey)) == nil)
        #expect((try? SealedBox.open(entries[1], with: secondKey)) != nil && (try? SealedBox.open(entries[1], with: firstKey)) == nil)

        let index = AuditIndex(store: InMemoryAuditIndexStore(), keys: keyring)
        _ = try index.follow(store: chain.store)
        #expect(try index.trace(try await chain.handle("alice")).map(\.transactionId) == [early.id, late.id])
        #expect(try index.anomalies().isEmpty)
    }

    @Test("the membership service refuses an epoch the auditor published no key for")
    func unpublishedEpoch() async throws {
        let chain = try ChainFixture()
        let keyring = AuditorKeyring(master: Secp256k1PrivateKey())
        let service = MembershipService(chainId: chain.chainId, key: chain.membershipKey,
                                        auditorKeys: try keyring.publish(epochs: chain.epoch + 1..<chain.epoch + 3),
                                        schedule: EpochSchedule(epochSeconds: chain.genesis.epochSeconds), members: chain.store)
        let (_, request) = try await chain.request("alice", count: 1)
        let refusal = #expect(throws: ChainError.self) { try service.certify(request, now: chain.clock.nowMilliseconds()) }
        #expect(refusal?.code == .invalidAuditorKey && refusal?.reason.contains("epoch \(chain.epoch)") == true)
    }

    @Test("published epoch keys round-trip through their JSON form")
    func publishedJSON() throws {
        let keyring = AuditorKeyring(master: Secp256k1PrivateKey())
        let published = try keyring.publish(epochs: 20_413..<20_416)
        let decoded = try JSONDecoder().decode(AuditorEpochKeys.self, from: try JSONEncoder().encode(published))
        #expect(decoded == published)
        #expect(decoded.masterPublicKey == Hex.encode(keyring.masterPublicKey.compressedRepresentation))
        #expect(try decoded.publicKey(epoch: 20_414) == keyring.publicKey(epoch: 20_414))
    }

    /// Alice's `test.put` under a one-time key certified by `service`, committed.
    static func put(_ text: String, service: MembershipService, chain: ChainFixture) async throws -> Transaction {
        let (keys, request) = try await chain.request("alice", count: 1)
        let credential = OneTimeKeyIssuer.credentials(keys: keys, epoch: request.epoch,
                                                      issued: try service.certify(request, now: chain.clock.nowMilliseconds()))[0]
        let transaction = try Transaction(type: TestPutHandler.transactionType, body: Array(text.utf8), chainId: chain.chainId,
                                          oneTimeKey: credential)
        _ = try await chain.node.submit(transaction)
        return transaction
    }
}
