import Chain
import ChainTestSupport
import Credentials
import Primitives
import Testing

/// Applications, committee accreditation and revocation, and the history they leave.
struct IssuerRegistryTests {
    @Test("an application needs existing schemas and is recorded with its name")
    func application() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.submit(.issuerApply, as: university, payload: CredentialLedgerPayload.issuerApplication(name: "U", schemas: [1000]))
        }
        let id = try await chain.register(CredentialChain.diploma, as: university)
        try await chain.submit(.issuerApply, as: university,
                               payload: CredentialLedgerPayload.issuerApplication(name: "University", schemas: [id.number]))
        let record = try #require(try chain.ledger.issuer(university.did))
        #expect(record.name == "University")
        #expect(record.appliedSchemas == [1000])
        #expect(try chain.ledger.issuers().map(\.did) == [university.did])
    }

    @Test("accreditation takes effect only at the k-th committee approval, and needs an application")
    func kOfN() async throws {
        let chain = try CredentialChain(committee: 3, threshold: 2)
        let university = try await chain.create("university")
        let id = try await chain.register(CredentialChain.diploma, as: university)
        let early = IssuerRegistryExecutor.accreditation(of: university.did, schemas: [id.number])
        try await chain.approve(early, by: 0..<1)
        await #expect(throws: ChainError(.notFound, "")) { try await chain.approve(early, by: 1..<2) }

        try await chain.submit(.issuerApply, as: university, payload: CredentialLedgerPayload.issuerApplication(name: "U", schemas: [id.number]))
        let action = IssuerRegistryExecutor.accreditation(of: university.did, schemas: [id.number], nonce: "1")
        try await chain.approve(action, by: 0..<1)
        #expect(try !chain.ledger.isAccredited(issuer: university.did, schema: id.number, at: chain.now))
        try await chain.approve(action, by: 1..<2)
        #expect(try chain.ledger.isAccredited(issuer: university.did, schema: id.number, at: chain.now))
        #expect(try !chain.ledger.isAccredited(issuer: university.did, schema: 1001, at: chain.now))
    }

    @Test("accreditation for a schema not applied for is refused")
    func notApplied() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let diploma = try await chain.register(CredentialChain.diploma, as: university)
        let other = try await chain.register(["type": "object"], as: university)
        try await chain.submit(.issuerApply, as: university, payload: CredentialLedgerPayload.issuerApplication(name: "U", schemas: [diploma.number]))
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.approve(IssuerRegistryExecutor.accreditation(of: university.did, schemas: [other.number]), by: 0..<1)
        }
    }

    @Test("accredited at T1, revoked at T2, re-accredited at T3: answers before, between and after are historical")
    func history() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let id = try await chain.register(CredentialChain.diploma, as: university)
        try await chain.submit(.issuerApply, as: university, payload: CredentialLedgerPayload.issuerApplication(name: "U", schemas: [id.number]))
        chain.chain.clock.advance(milliseconds: 10_000)
        try await chain.approve(IssuerRegistryExecutor.accreditation(of: university.did, schemas: [id.number]), by: 0..<1)
        let t1 = chain.now
        chain.chain.clock.advance(milliseconds: 10_000)
        try await chain.approve(IssuerRegistryExecutor.revocation(of: university.did), by: 0..<1)
        let t2 = chain.now
        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.approve(IssuerRegistryExecutor.revocation(of: university.did, nonce: "again"), by: 0..<1)
        }
        let ledger = chain.ledger
        #expect(try !ledger.isAccredited(issuer: university.did, schema: id.number, at: t1 - 1))
        #expect(try ledger.isAccredited(issuer: university.did, schema: id.number, at: t1))
        #expect(try ledger.isAccredited(issuer: university.did, schema: id.number, at: t2 - 1))
        #expect(try !ledger.isAccredited(issuer: university.did, schema: id.number, at: t2))
        #expect(try !ledger.isAccredited(issuer: university.did, schema: id.number, at: t2 + 60_000))

        chain.chain.clock.advance(milliseconds: 10_000)
        try await chain.approve(IssuerRegistryExecutor.accreditation(of: university.did, schemas: [id.number], nonce: "2"), by: 0..<1)
        let t3 = chain.now
        #expect(try ledger.isAccredited(issuer: university.did, schema: id.number, at: t1 + 1))
        #expect(try !ledger.isAccredited(issuer: university.did, schema: id.number, at: t3 - 1))
        #expect(try ledger.isAccredited(issuer: university.did, schema: id.number, at: t3 + 1))
        #expect(try ledger.issuer(university.did)?.accreditations[id.number]?.count == 2)
    }

    @Test("an accreditation already in force is not opened twice")
    func doubleAccreditation() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let id = try await chain.register(CredentialChain.diploma, as: university)
        try await chain.submit(.issuerApply, as: university, payload: CredentialLedgerPayload.issuerApplication(name: "U", schemas: [id.number]))
        try await chain.approve(IssuerRegistryExecutor.accreditation(of: university.did, schemas: [id.number]), by: 0..<1)
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.approve(IssuerRegistryExecutor.accreditation(of: university.did, schemas: [id.number], nonce: "x"), by: 0..<1)
        }
    }
}
