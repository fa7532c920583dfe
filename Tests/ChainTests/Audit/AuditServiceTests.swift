import Chain
import ChainTestSupport
import Primitives
import Testing

/// `specs/audit.md` §5: every answered query is first recorded on the chain; refused queries
/// are neither answered nor recorded.
struct AuditServiceTests {
    @Test("link, trace and log answer correctly, each after its audit.query record is in the ledger")
    func answers() async throws {
        let audit = try await AuditFixture()
        let alices = try await audit.puts(["a1", "a2"], by: "alice")
        let bobs = try await audit.puts(["b1"], by: "bob")
        let link = try audit.request(AuditQuery(.link(bobs[0].id)))
        let linked = try await audit.ask(link)
        guard case .link(let entry, let name) = linked.result else { Issue.record("not a link answer"); return }
        #expect(entry.memberHandle == (try await audit.chain.handle("bob")) && name == "bob")
        #expect(entry.transactionId == bobs[0].id)

        let trace = try audit.request(AuditQuery(.trace(try await audit.chain.handle("alice"))))
        let traced = try await audit.ask(trace)
        #expect(traced.result == .trace(try audit.index.trace(try await audit.chain.handle("alice"))))
        guard case .trace(let entries) = traced.result else { return }
        #expect(entries.map(\.transactionId) == audit.aliceSetup + alices.map(\.id))

        let log = try audit.request(AuditQuery(.log))
        let logged = try await audit.ask(log)
        guard case .log(let records) = logged.result else { Issue.record("not a log answer"); return }
        // The log holds the log query itself: it was read back from the ledger before answering.
        #expect(records.map(\.request) == [link, trace, log])
        #expect(records.map(\.transactionId) == [linked, traced, logged].map(\.record.transactionId))
        for (answer, request) in [(linked, link), (traced, trace), (logged, log)] {
            let location = try #require(try audit.chain.store.location(of: answer.record.transactionId))
            let recorded = try audit.chain.store.transactions(at: location.height)[location.index]
            #expect(recorded.type == .auditQuery && recorded.body == request.body)
        }
        #expect(try audit.recordedQueries().count == 3)
        // The records replay: `chain verify` applies the same checks at each block's time.
        #expect(try ChainVerifier(store: audit.chain.store, handlers: ChainFixture.handlers()).verify().problem == nil)
    }

    @Test("queries outside the auditor's time range or types are refused and not recorded")
    func outOfScope() async throws {
        let audit = try await AuditFixture()
        let early = try await audit.puts(["early"], by: "alice")
        audit.chain.clock.advance(milliseconds: 1_000)
        let start = audit.chain.clock.nowMilliseconds()
        try await audit.setScope(AuditorScope(from: start, types: [TestPutHandler.transactionType]))
        let late = try await audit.puts(["late"], by: "alice")
        let alice = try await audit.chain.handle("alice")
        let governance = try #require(try audit.recordedTransactions().last { $0.type == .governanceApproval })
        let height = try audit.chain.store.head()!.header.height
        for query in [AuditQuery(.link(early[0].id)), AuditQuery(.link(governance.id)), AuditQuery(.log),
                      AuditQuery(.trace(alice), scope: AuditorScope(from: start - 1)),
                      AuditQuery(.trace(alice), scope: AuditorScope(from: start, types: [.governanceApproval]))] {
            await #expect(throws: ChainError(.unauthorized, "")) { try await audit.ask(try audit.request(query)) }
        }
        #expect(try audit.chain.store.head()!.header.height == height)
        #expect(try audit.recordedQueries().isEmpty)

        guard case .trace(let entries) = try await audit.ask(try audit.request(AuditQuery(.trace(alice)))).result else { return }
        #expect(entries.map(\.transactionId) == late.map(\.id))
        guard case .link(let entry, _) = try await audit.ask(try audit.request(AuditQuery(.link(late[0].id)))).result else { return }
        #expect(entry.memberHandle == alice)
        #expect(try audit.recordedQueries().count == 2)
    }

    @Test("an unknown auditor, a bad signature or a stale request is refused and not recorded")
    func refusedRequests() async throws {
        let audit = try await AuditFixture()
        let bobs = try await audit.puts(["b"], by: "bob")
        let query = AuditQuery(.link(bobs[0].id)), now = audit.chain.clock.nowMilliseconds(), fiveMinutes: UInt64 = 300_000
        for request in [try audit.request(query, auditor: "mallory", key: Secp256k1PrivateKey()),
                        try audit.request(query, key: Secp256k1PrivateKey()),
                        try audit.request(query, time: now - fiveMinutes - 1),
                        try audit.request(query, time: now + fiveMinutes + 1)] {
            await #expect(throws: ChainError(.unauthorized, "")) { try await audit.ask(request) }
        }
        await #expect(throws: ChainError(.notFound, "")) {
            try await audit.ask(try audit.request(AuditQuery(.link(try TransactionID(bytes: Array(repeating: 7, count: 32))))))
        }
        #expect(try audit.recordedQueries().isEmpty)
    }

    @Test("the chain itself refuses a badly signed audit record and a replayed one")
    func handlerRefusals() async throws {
        let audit = try await AuditFixture()
        let log = AuditQuery(.log)
        let forged = try audit.request(log, key: Secp256k1PrivateKey())
        await #expect(throws: ChainError(.unauthorized, "")) { try await audit.chain.node.submit(try await record(forged, audit)) }
        let answered = try audit.request(log)
        _ = try await audit.ask(answered)
        await #expect(throws: ChainError(.alreadyExists, "")) { try await audit.chain.node.submit(try await record(answered, audit)) }
        let body = Array(#"{"query":{"auditor":"regulator","kind":"log","time":1},"signature":"AA"}"#.utf8)
        let malformed = try Transaction(type: .auditQuery, body: body, chainId: audit.chain.chainId,
                                        oneTimeKey: try await audit.chain.oneTimeKeys("office", count: 1)[0])
        await #expect(throws: ChainError(.invalidBody, "")) { try await audit.chain.node.submit(malformed) }
        #expect(try audit.recordedQueries().count == 1)
    }

    private func record(_ request: SignedAuditRequest, _ audit: AuditFixture) async throws -> Transaction {
        try Transaction(type: .auditQuery, body: request.body, chainId: audit.chain.chainId,
                        oneTimeKey: try await audit.chain.oneTimeKeys("office", count: 1)[0])
    }
}
