import Chain
import ChainTestSupport
import Foundation
import Primitives
import Testing

/// `specs/audit.md` §2: the auditor's index follows the ledger and links each transaction to
/// its member, flagging envelopes it cannot trust.
struct AuditIndexTests {
    @Test("following a chain of several blocks links every transaction of two members, with its place and time")
    func linksTwoMembers() async throws {
        let audit = try await AuditFixture()
        let alices = try await audit.puts(["a1", "a2", "a3"], by: "alice")
        let bobs = try await audit.puts(["b1", "b2"], by: "bob")
        let head = try audit.chain.store.head()!.header.height
        #expect(try audit.index.follow(store: audit.chain.store) == Int(head) + 1)
        for (member, expected) in [("alice", audit.aliceSetup + alices.map(\.id)), ("bob", bobs.map(\.id))] {
            let handle = try await audit.chain.handle(member)
            let trace = try audit.index.trace(handle)
            #expect(trace.map(\.transactionId) == expected)
            for entry in trace {
                let location = try #require(try audit.chain.store.location(of: entry.transactionId))
                #expect(entry.height == location.height && entry.index == location.index)
                #expect(entry.time == (try audit.chain.store.signedHeader(at: entry.height)?.header.time))
                let type = audit.aliceSetup.contains(entry.transactionId) ? TransactionType.governanceApproval : TestPutHandler.transactionType
                #expect(entry.type == type && entry.epoch == audit.chain.epoch)
                #expect(try audit.index.link(entry.transactionId)?.memberHandle == handle)
            }
        }
        #expect(try audit.index.anomalies().isEmpty)
        #expect(try audit.index.follow(store: audit.chain.store) == 0)
    }

    @Test("a certified envelope that seals another one-time key is an envelopeMismatch anomaly, not a link")
    func forgedEnvelope() async throws {
        let audit = try await AuditFixture()
        let forged = try await audit.forgedTransaction(naming: "bob")
        _ = try await audit.chain.node.submit(forged)  // the certificate is valid, so the chain accepts it
        let honest = try await audit.puts(["honest"], by: "alice")
        _ = try audit.index.follow(store: audit.chain.store)
        let anomalies = try audit.index.anomalies()
        #expect(anomalies.map(\.transactionId) == [forged.id])
        #expect(anomalies.first?.kind == .envelopeMismatch)
        #expect(anomalies.first?.claimedMember == (try await audit.chain.handle("bob")))
        #expect(try audit.index.link(forged.id) == nil)
        #expect(try audit.index.trace(try await audit.chain.handle("bob")).isEmpty)
        #expect(try audit.index.link(honest[0].id)?.memberHandle == (try await audit.chain.handle("alice")))
    }

    @Test("with the full ledger and every public key, anyone but the auditor links nothing")
    func outsiderCannotLink() async throws {
        let audit = try await AuditFixture()
        let alices = try await audit.puts(["one", "two", "three"], by: "alice")
        // Another key opens no envelope: an index built with it records only anomalies.
        let outsider = AuditIndex(store: InMemoryAuditIndexStore(), keys: X25519PrivateKey())
        _ = try outsider.follow(store: audit.chain.store)
        #expect(try outsider.store.entryCount() == 0)
        #expect(try outsider.anomalies().allSatisfy { $0.kind == .unopenableEnvelope && $0.claimedMember == nil })
        #expect(try outsider.anomalies().count == (try audit.recordedTransactions().count))
        for transaction in alices {
            for key in [X25519PrivateKey(), X25519PrivateKey()] {
                #expect(throws: ChainError(.unauthorized, "")) { try AuditorEnvelope(opening: transaction.envelope, with: key) }
            }
        }
        // The public fields of two transactions of one member share no 8-byte window.
        for (first, second) in [(alices[0], alices[1]), (alices[1], alices[2]), (alices[0], alices[2])] {
            #expect(Self.windows(Self.publicFields(first)).isDisjoint(with: Self.windows(Self.publicFields(second))))
        }
        _ = try audit.index.follow(store: audit.chain.store)
        let alice = try await audit.chain.handle("alice")
        #expect(try audit.index.trace(alice).map(\.transactionId) == audit.aliceSetup + alices.map(\.id))
    }

    @Test("rebuilding from the ledger gives the same index")
    func rebuild() async throws {
        let audit = try await AuditFixture()
        _ = try await audit.puts(["x", "y"], by: "alice")
        _ = try await audit.chain.node.submit(try await audit.forgedTransaction(naming: "alice"))
        _ = try await audit.ask(try audit.request(AuditQuery(.log)))
        let alice = try await audit.chain.handle("alice"), office = try await audit.chain.handle("office")
        let before = (try audit.index.trace(alice), try audit.index.trace(office), try audit.index.anomalies(), try audit.index.queries())
        let head = try audit.chain.store.head()!.header.height
        #expect(try audit.index.rebuild(from: audit.chain.store) == Int(head) + 1)
        #expect(try audit.index.trace(alice) == before.0 && audit.index.trace(office) == before.1)
        #expect(try audit.index.anomalies() == before.2 && audit.index.queries() == before.3)
        #expect(before.0.count == 3 && before.1.count == 2 && before.2.count == 1 && before.3.count == 1)
    }

    @Test("following stops at maximumBlocks and resumes where it stopped")
    func pacedFollowing() async throws {
        let audit = try await AuditFixture()
        _ = try await audit.puts(["p1", "p2", "p3"], by: "bob")
        let head = Int(try audit.chain.store.head()!.header.height)
        #expect(try audit.index.follow(store: audit.chain.store, maximumBlocks: 2) == 2)
        #expect(try audit.index.store.cursor()?.nextHeight == 2)
        #expect(try audit.index.follow(store: audit.chain.store) == head - 1)
        #expect(try audit.index.trace(try await audit.chain.handle("bob")).count == 3)
    }

    @Test("an index built from another ledger refuses to follow this one")
    func otherLedger() async throws {
        let first = try await AuditFixture(), second = try ChainFixture()
        _ = try first.index.follow(store: first.chain.store)
        #expect(throws: ChainError(.corruptLedger, "")) { try first.index.follow(store: second.store) }
    }

    /// What a ledger reader sees of a transaction besides its type, body and epoch.
    static func publicFields(_ transaction: Transaction) -> [UInt8] {
        transaction.oneTimeKey + transaction.certificate + transaction.envelope + transaction.signature
    }

    static func windows(_ bytes: [UInt8]) -> Set<[UInt8]> {
        Set((0...(bytes.count - 8)).map { Array(bytes[$0..<$0 + 8]) })
    }
}
