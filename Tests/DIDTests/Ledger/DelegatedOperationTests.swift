import Chain
import ChainTestSupport
import DID
import Primitives
import Testing

/// Delegated accounts (`specs/custody.md` "Delegated accounts"): a delegate acts for a DID under
/// a recorded delegation, within its purposes and its own rate limit.
struct DelegatedOperationTests {
    @Test("a delegate's update under an operations delegation is accepted, resolves, and its transaction names the delegation")
    func delegatedUpdate() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice"), bob = try await chain.create("bob")
        let (id, grantReceipt) = try await chain.grant(from: alice, to: bob.did, purposes: [.operations])
        let stored = try #require(try chain.chain.store.value(namespace: ChainNamespace.delegation, key: id.bytes))
        let record = try DelegationRecord(canonicalBytes: stored)
        #expect(record.terms.delegator == alice.did.description && record.terms.delegate == bob.did.description)
        #expect(record.grantedAt == grantReceipt.time && record.revokedAt == nil)

        let receipt = try await chain.submitDelegated(.update, did: alice.did, document: try await chain.withService(alice.did, "agent"),
                                                      delegation: id, signer: bob.key)
        let resolved = await chain.resolver.resolve(alice.did)
        #expect(resolved.didDocumentMetadata.versionId == "2")
        #expect(resolved.didDocument?.service.map(\.id) == ["\(alice.did)#agent"])

        let transaction = try chain.chain.store.transactions(at: receipt.height)[receipt.index]
        #expect(transaction.id == receipt.transactionId && transaction.type == DIDOperation.Kind.update.transactionType)
        let operation = try DIDOperation(kind: .update, body: transaction.body)
        #expect(operation.delegation == id)
        #expect(try operation.signer(chainId: chain.chain.chainId) == bob.publicKey)
    }

    @Test("delegated operations are refused without a delegation, by another key, for the wrong purpose, once expired and once revoked")
    func refusals() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice"), bob = try await chain.create("bob"), mallory = try await chain.create("mallory")
        let document = try await chain.withService(alice.did, "agent")
        let (id, _) = try await chain.grant(from: alice, to: bob.did, purposes: [.operations], validFor: 60_000)
        let unknown = try DelegationID(hex: String(repeating: "ab", count: 32))

        await #expect(throws: ChainError(.notFound, "")) {
            try await chain.submitDelegated(.update, did: alice.did, document: document, delegation: unknown, signer: bob.key)
        }
        let byMallory = await #expect(throws: ChainError.self) {
            try await chain.submitDelegated(.update, did: alice.did, document: document, delegation: id, signer: mallory.key)
        }
        #expect(byMallory?.code == .unauthorized && byMallory?.reason.contains("delegate") == true)
        let rotation = try DIDChancery.defaultDocument(for: alice.did, publicKey: mallory.publicKey)
        let wrongPurpose = await #expect(throws: ChainError.self) {
            try await chain.submitDelegated(.update, did: alice.did, document: rotation, delegation: id, signer: bob.key)
        }
        #expect(wrongPurpose?.code == .unauthorized && wrongPurpose?.reason.contains("recovery") == true)
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submitDelegated(.deactivate, did: alice.did, document: nil, delegation: id, signer: bob.key)
        }
        await #expect(throws: ChainError(.unauthorized, "")) {   // bob's delegation is for alice's DID only
            try await chain.submitDelegated(.update, did: mallory.did, document: try await chain.withService(mallory.did, "x"),
                                            delegation: id, signer: bob.key)
        }

        chain.chain.clock.advance(milliseconds: 60_000)
        await #expect(throws: ChainError(.expiredDelegation, "")) {
            try await chain.submitDelegated(.update, did: alice.did, document: document, delegation: id, signer: bob.key)
        }
        let (second, _) = try await chain.grant(from: alice, to: bob.did, purposes: [.operations])
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.revoke(second, key: bob.key) }
        try await chain.revoke(second, key: alice.key)
        await #expect(throws: ChainError(.alreadyExists, "")) { try await chain.revoke(second, key: alice.key) }
        await #expect(throws: ChainError(.revokedDelegation, "")) {
            try await chain.submitDelegated(.update, did: alice.did, document: document, delegation: second, signer: bob.key)
        }
        #expect(await chain.resolver.resolve(alice.did).didDocumentMetadata.versionId == "1")
    }

    @Test("over the delegate's rate limit an operation is refused, and the next window allows it again")
    func rateLimit() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice"), bob = try await chain.create("bob")
        let (id, _) = try await chain.grant(from: alice, to: bob.did, purposes: [.operations], count: 2, perMilliseconds: 60_000)
        for name in ["a", "b"] {
            try await chain.submitDelegated(.update, did: alice.did, document: try await chain.withService(alice.did, name),
                                            delegation: id, signer: bob.key)
        }
        let third = try await chain.withService(alice.did, "c")
        let refused = await #expect(throws: ChainError.self) {
            try await chain.submitDelegated(.update, did: alice.did, document: third, delegation: id, signer: bob.key)
        }
        #expect(refused?.code == .rateLimited && refused?.reason.contains("2 operations per 60000 ms") == true)
        // A controller's own operations are not counted against the delegate.
        try await chain.submit(.update, did: alice.did, document: try await chain.withService(alice.did, "own"), previousVersionId: 3,
                               signer: alice.key)

        chain.chain.clock.advance(milliseconds: 60_000)
        try await chain.submitDelegated(.update, did: alice.did, document: try await chain.withService(alice.did, "c"),
                                        delegation: id, signer: bob.key)
        #expect(await chain.resolver.resolve(alice.did).didDocumentMetadata.versionId == "5")
    }

    @Test("a recovery delegate rotates the account's key; the delegation lapses with the key that granted it")
    func recovery() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice"), bob = try await chain.create("bob")
        let replacement = try chain.newIdentity("alice-new")
        let (id, _) = try await chain.grant(from: alice, to: bob.did, purposes: [.recovery, .operations])
        try await chain.submitDelegated(.update, did: alice.did,
                                        document: try DIDChancery.defaultDocument(for: alice.did, publicKey: replacement.publicKey),
                                        delegation: id, signer: bob.key)
        try await chain.submit(.update, did: alice.did, document: try await chain.withService(alice.did, "after"), previousVersionId: 2,
                               signer: replacement.key)
        let lapsed = await #expect(throws: ChainError.self) {
            try await chain.submitDelegated(.update, did: alice.did, document: try await chain.withService(alice.did, "x"),
                                            delegation: id, signer: bob.key)
        }
        #expect(lapsed?.code == .unauthorized && lapsed?.reason.contains("lapsed") == true)
    }

    @Test("a grant not signed by its delegator key is refused, and no DID is created under a delegation")
    func grantAuthority() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice"), mallory = try chain.newIdentity("mallory")
        let now = chain.chain.clock.nowMilliseconds()
        let terms = try DelegationTerms(delegator: alice.did.description, delegatorKey: alice.publicKey, delegate: mallory.did.description,
                                        purposes: [.recovery], rateLimit: try DelegationRateLimit(count: 1, perMilliseconds: 1_000),
                                        validUntil: now + 1_000, time: now)
        let forged = try await DelegationGrant.signed(terms, chainId: chain.chain.chainId, custodian: chain.chain.custodian, key: mallory.key)
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.chain.submit(type: .delegationGrant, body: try forged.body()) }

        let operation = try await DIDOperation.signed(.create, did: mallory.did,
                                                      document: try DIDChancery.defaultDocument(for: mallory.did, publicKey: mallory.publicKey),
                                                      previousVersionId: 0, chainId: chain.chain.chainId, delegation: try terms.id(),
                                                      custodian: chain.chain.custodian, key: mallory.key)
        await #expect(throws: ChainError(.invalidBody, "")) { try await chain.chain.submit(type: DIDOperation.Kind.create.transactionType, body: operation.body) }
    }
}
