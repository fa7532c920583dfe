import Chain
import ChainTestSupport
import Credentials
import DID
import Primitives
import Testing

/// A DID-authorised body applies at most once (`specs/credentials.md` §5.1): the byte-identical
/// body wrapped by another member in a fresh transaction (new one-time key, new envelope) is
/// refused by name and changes nothing.
struct ReplayedBodyTests {
    /// Signs `payload` for `identity`, submits it as member alice and returns the signed body.
    func apply(_ chain: CredentialChain, _ type: TransactionType, as identity: Identity, payload: JSONObject) async throws -> [UInt8] {
        let operation = try await DIDAuthorizedOperation.signed(type: type, did: identity.did, payload: payload, chainId: chain.chainId,
                                                                custodian: chain.chain.custodian, key: identity.key)
        _ = try await chain.chain.submit(type: type, body: operation.body, by: "alice")
        return operation.body
    }

    /// Submits `body` again, as member bob under a fresh one-time key.
    func replay(_ chain: CredentialChain, _ type: TransactionType, _ body: [UInt8]) async throws {
        _ = try await chain.chain.submit(type: type, body: body, by: "bob")
    }

    /// An anchored batch of one with index 0 of the issuer's first suspension list allocated.
    func suspensionList(_ chain: CredentialChain, _ issuer: Identity) async throws -> String {
        let plan = try chain.ledger.plannedAllocations(issuer: issuer.did, purpose: .suspension, count: 1)
        try await chain.submit(.evidenceAnchor, as: issuer, payload: CredentialLedgerPayload.evidenceAnchor(
            root: Hash.sha256(Array("batch".utf8)), count: 1, allocations: plan))
        return plan[0].list
    }

    /// Sets index 0 of `list` through a status update signed for the index's current counter.
    func set(_ chain: CredentialChain, _ issuer: Identity, _ list: String, to value: Bool) async throws -> [UInt8] {
        let counter = try chain.ledger.statusUpdateCounter(list: list, index: 0)
        return try await apply(chain, .statusUpdate, as: issuer,
                               payload: CredentialLedgerPayload.statusUpdate(list: list, index: 0, value: value, counter: counter))
    }

    @Test("suspend, reinstate, suspend: the replayed reinstatement is refused as stale and the credential stays suspended")
    func replayedReinstatement() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let list = try await suspensionList(chain, university)
        _ = try await set(chain, university, list, to: true)
        let reinstatement = try await set(chain, university, list, to: false)
        _ = try await set(chain, university, list, to: true)
        await #expect(throws: ChainError(.staleStatusCounter, "")) { try await replay(chain, .statusUpdate, reinstatement) }
        #expect(try chain.ledger.statusList(id: list)?.list.bit(at: 0) == true)
        #expect(try chain.ledger.statusUpdateCounter(list: list, index: 0) == 3)
    }

    @Test("a status update body applies once, even where it would change nothing")
    func replayedStatusUpdate() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let list = try await suspensionList(chain, university)
        let body = try await set(chain, university, list, to: true)
        await #expect(throws: ChainError(.staleStatusCounter, "")) { try await replay(chain, .statusUpdate, body) }
        #expect(try chain.ledger.statusUpdateCounter(list: list, index: 0) == 1)
    }

    @Test("a cpt.register body replayed by another member registers no second CPT or version")
    func replayedRegistration() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let body = try await apply(chain, .cptRegister, as: university, payload: CredentialLedgerPayload.cptRegistration(schema: CredentialChain.diploma))
        await #expect(throws: ChainError(.replayedBody, "")) { try await replay(chain, .cptRegister, body) }
        #expect(try chain.ledger.latestSchema(number: 1001) == nil)
        let version = try await apply(chain, .cptRegister, as: university,
                                      payload: CredentialLedgerPayload.cptRegistration(schema: ["type": "object"], number: 1000))
        await #expect(throws: ChainError(.replayedBody, "")) { try await replay(chain, .cptRegister, version) }
        #expect(try chain.ledger.latestSchema(number: 1000)?.id.version == 2)
    }

    @Test("an issuer.apply body replayed by another member is refused and leaves the application as it was")
    func replayedApplication() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let id = try await chain.register(CredentialChain.diploma, as: university)
        let body = try await apply(chain, .issuerApply, as: university,
                                   payload: CredentialLedgerPayload.issuerApplication(name: "U", schemas: [id.number]))
        let applied = try #require(try chain.ledger.issuer(university.did)).applied
        chain.chain.clock.advance(milliseconds: 1_000)
        await #expect(throws: ChainError(.replayedBody, "")) { try await replay(chain, .issuerApply, body) }
        #expect(try chain.ledger.issuer(university.did)?.applied == applied)
    }

    @Test("nonce-bound payloads without a nonce are malformed")
    func missingNonce() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        await #expect(throws: ChainError(.invalidBody, "")) {
            try await chain.submit(.cptRegister, as: university, payload: ["schema": CredentialChain.diploma])
        }
        await #expect(throws: ChainError(.invalidBody, "")) {
            try await chain.submit(.issuerApply, as: university, payload: ["name": "U", "schemas": [1000]])
        }
    }

    @Test("anchors, grants, grant revocations and DID deactivations were already single-use: each replay is refused")
    func alreadyBoundKinds() async throws {
        let chain = try CredentialChain()
        let university = try await chain.create("university")
        let holder = try await chain.create("holder")
        let plan = try chain.ledger.plannedAllocations(issuer: university.did, purpose: .revocation, count: 1)
        let anchor = try await apply(chain, .evidenceAnchor, as: university, payload: CredentialLedgerPayload.evidenceAnchor(
            root: Hash.sha256(Array("root".utf8)), count: 1, allocations: plan))
        await #expect(throws: ChainError(.alreadyExists, "")) { try await replay(chain, .evidenceAnchor, anchor) }
        let id = SecureRandom.bytes(count: 16)
        let grant = try await apply(chain, .authorizationGrant, as: holder, payload: CredentialLedgerPayload.authorizationGrant(
            id: id, grantee: university.did, scope: ["urn:chancery:cpt:1000:1"], purpose: "admission", validFrom: 0, validUntil: chain.now + 60_000))
        await #expect(throws: ChainError(.alreadyExists, "")) { try await replay(chain, .authorizationGrant, grant) }
        let revocation = try await apply(chain, .authorizationRevoke, as: holder, payload: CredentialLedgerPayload.authorizationRevocation(id: id))
        await #expect(throws: ChainError(.alreadyExists, "")) { try await replay(chain, .authorizationRevoke, revocation) }
        let deactivation = try await DIDOperation.signed(.deactivate, did: holder.did, document: nil, previousVersionId: 1,
                                                         chainId: chain.chainId, custodian: chain.chain.custodian, key: holder.key)
        _ = try await chain.chain.submit(type: DIDOperation.Kind.deactivate.transactionType, body: deactivation.body, by: "alice")
        await #expect(throws: ChainError.self) { try await replay(chain, DIDOperation.Kind.deactivate.transactionType, deactivation.body) }
        #expect(try chain.ledger.statusList(id: plan[0].list)?.allocated == 1)
    }
}
