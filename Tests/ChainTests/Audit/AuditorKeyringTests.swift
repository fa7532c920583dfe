import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// `specs/audit.md` §6: per-epoch auditor keys from a master that officers share t-of-n.
struct AuditorKeyringTests {
    @Test("epoch keys match the independently computed vectors")
    func vectors() throws {
        let cases = try #require(try AuditVectors.json("auditor-epoch-keys")["cases"]?.arrayValue)
        #expect(cases.count == 4)
        for item in cases {
            let keyring = AuditorKeyring(master: try Secp256k1PrivateKey(rawRepresentation: Hex.decode(item["master"]!.stringValue!)))
            let epoch = try #require(UInt64(item["epoch"]?.stringValue ?? ""))
            #expect(Hex.encode(try keyring.privateKey(epoch: epoch).rawRepresentation.unsafeArray) == item["epochSecret"]?.stringValue)
            #expect(Hex.encode(try keyring.publicKey(epoch: epoch).rawRepresentation) == item["publicKey"]?.stringValue)
        }
    }

    @Test("a master split 2-of-3 is rebuilt from any two shares with the same epoch keys; one share is not enough")
    func splitAndRebuild() throws {
        let keyring = AuditorKeyring(master: Secp256k1PrivateKey())
        let dealing = try keyring.split(threshold: 2, shareCount: 3)
        #expect(dealing.publicKey == keyring.masterPublicKey)
        for pair in [[0, 1], [0, 2], [1, 2], [2, 0]] {
            let rebuilt = try AuditorKeyring(shares: pair.map { dealing.shares[$0] }, commitments: dealing.commitments)
            #expect(rebuilt.masterPublicKey == keyring.masterPublicKey)
            for epoch: UInt64 in [0, 20_413] {
                #expect(try rebuilt.publicKey(epoch: epoch) == keyring.publicKey(epoch: epoch))
                #expect(try rebuilt.privateKey(epoch: epoch).rawRepresentation == keyring.privateKey(epoch: epoch).rawRepresentation)
            }
        }
        #expect(throws: ChainError(.invalidAuditorKey, "")) {
            try AuditorKeyring(shares: [dealing.shares[1]], commitments: dealing.commitments)
        }
        let other = try AuditorKeyring(master: Secp256k1PrivateKey()).split(threshold: 2, shareCount: 3)
        #expect(throws: ChainError(.invalidAuditorKey, "")) {
            try AuditorKeyring(shares: [dealing.shares[0], other.shares[1]], commitments: dealing.commitments)
        }
        #expect(throws: ChainError(.invalidAuditorKey, "")) { try keyring.split(threshold: 3, shareCount: 2) }
    }

    @Test("different epochs and different masters give different keys")
    func distinctKeys() throws {
        let keyring = AuditorKeyring(master: Secp256k1PrivateKey()), other = AuditorKeyring(master: Secp256k1PrivateKey())
        let keys = try [0, 1, 2, 20_413, UInt64.max].map { try keyring.publicKey(epoch: $0) }
        #expect(Set(keys).count == keys.count)
        #expect(try keyring.publicKey(epoch: 7) != other.publicKey(epoch: 7))
    }

    @Test("an epoch key opens only its epoch's envelopes; the keyring opens every epoch's")
    func epochRotation() async throws {
        let chain = try ChainFixture()
        let keyring = AuditorKeyring(master: Secp256k1PrivateKey())
        let first = chain.epoch
        let firstTransactions = try await Self.sealedPuts(2, epoch: first, keyring: keyring, chain: chain)
        chain.clock.advance(milliseconds: chain.genesis.epochSeconds * 1000)
        let secondTransactions = try await Self.sealedPuts(1, epoch: first + 1, keyring: keyring, chain: chain)

        let full = AuditIndex(store: InMemoryAuditIndexStore(), keys: keyring)
        _ = try full.follow(store: chain.store)
        #expect(try full.trace(try await chain.handle("alice")).map(\.transactionId) == (firstTransactions + secondTransactions).map(\.id))
        #expect(try full.anomalies().isEmpty)

        let leaked = AuditIndex(store: InMemoryAuditIndexStore(), keys: try keyring.privateKey(epoch: first))
        _ = try leaked.follow(store: chain.store)
        #expect(try leaked.trace(try await chain.handle("alice")).map(\.transactionId) == firstTransactions.map(\.id))
        #expect(try leaked.anomalies().map(\.transactionId) == secondTransactions.map(\.id))
    }

    /// `count` of alice's `test.put`s whose envelopes a membership service seals to the keyring's
    /// key of `epoch`, as it would with per-epoch keys.
    static func sealedPuts(_ count: Int, epoch: UInt64, keyring: AuditorKeyring, chain: ChainFixture) async throws -> [Transaction] {
        let service = MembershipService(chainId: chain.chainId, key: chain.membershipKey, auditorKey: try keyring.publicKey(epoch: epoch),
                                        schedule: EpochSchedule(epochSeconds: chain.genesis.epochSeconds), members: chain.store)
        let (keys, request) = try await chain.request("alice", count: count)
        let credentials = OneTimeKeyIssuer.credentials(keys: keys, epoch: epoch,
                                                       issued: try service.certify(request, now: chain.clock.nowMilliseconds()))
        var transactions: [Transaction] = []
        for (offset, credential) in credentials.enumerated() {
            let transaction = try Transaction(type: TestPutHandler.transactionType, body: Array("epoch \(epoch) #\(offset)".utf8),
                                              chainId: chain.chainId, oneTimeKey: credential)
            _ = try await chain.node.submit(transaction)
            transactions.append(transaction)
        }
        return transactions
    }
}
