import Chain
import ChainTestSupport
import DID
import KeyCustody
import Primitives
import Testing

/// Stateless work is done once (`specs/chain.md` §2.6): what admission prepares (the parsed
/// body, the recovered signer) is what apply uses, and apply still judges it against state.
struct StatelessWorkOnceTests {
    @Test("did.create, did.update, chain.anchor and delegation.grant are each prepared once, at admission, and applied with that value")
    func preparedOnceThroughTheOrderer() async throws {
        let tally = HandlerTally()
        let counted: [any TransactionHandler] = [
            CountingHandler(DIDOperationHandler(.create), tally: tally), CountingHandler(DIDOperationHandler(.update), tally: tally),
            CountingHandler(AnchorHandler(), tally: tally), CountingHandler(DelegationHandler(.grant), tally: tally),
        ]
        let chain = try DIDChain(sqliteWith: counted)
        let creates = 8, anchors = 5
        let identities = try await withThrowingTaskGroup(of: (did: DID, key: KeyReference, publicKey: Secp256k1PublicKey).self) { group in
            for index in 0..<creates { group.addTask { try await chain.create("holder-\(index)") } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<anchors {
                group.addTask {
                    _ = try await chain.chain.submit(type: AnchorHandler.transactionType,
                                                     body: AnchorHandler.body(digest: Hash.sha256(Array("anchor \(index)".utf8))))
                }
            }
            try await group.waitForAll()
        }
        let (alice, bob) = (identities[0], identities[1])
        var document = try #require(await chain.resolver.resolve(alice.did).didDocument)
        document.alsoKnownAs = ["urn:example:alice"]
        try await chain.submit(.update, did: alice.did, document: document, previousVersionId: 1, signer: alice.key)
        _ = try await chain.grant(from: alice, to: bob.did, purposes: [.operations])

        let expected: [(TransactionType, Int)] = [(DIDOperation.Kind.create.transactionType, creates),
                                                  (DIDOperation.Kind.update.transactionType, 1),
                                                  (AnchorHandler.transactionType, anchors), (.delegationGrant, 1)]
        for (type, count) in expected {
            #expect(tally.prepares(of: type) == count, "\(type) prepared \(tally.prepares(of: type)) times for \(count) transactions")
            #expect(tally.applies(of: type) == count, "\(type) applied \(tally.applies(of: type)) times for \(count) transactions")
        }
        // Each prepared value was applied exactly once: none was prepared again at apply.
        let total = creates + 1 + anchors + 1
        #expect(tally.serialsApplied.sorted() == Array(1...total))
        #expect(await chain.resolver.resolve(alice.did).didDocumentMetadata.versionId == "2")

        // Replay carries no prepared value: `chain verify` prepares each transaction itself, once.
        let report = try ChainVerifier(store: chain.chain.store, handlers: chain.chain.handlers).verify()
        #expect(report.isValid, "\(report.problem ?? "")")
        for (type, count) in expected {
            #expect(tally.prepares(of: type) == 2 * count && tally.applies(of: type) == 2 * count, "\(type) after replay")
        }
    }

    @Test("two did.create of one DID admitted together both pass the stateless checks; at apply the second is refused alreadyExists")
    func duplicateCreateJudgedAtApply() async throws {
        let chain = try DIDChain()
        let alice = try chain.newIdentity("alice")
        let document = try DIDChancery.defaultDocument(for: alice.did, publicKey: alice.publicKey)
        var checked: [CheckedTransaction] = []
        for _ in 0..<2 {
            let transaction = try await chain.transaction(.create, did: alice.did, document: document, previousVersionId: 0, signer: alice.key)
            checked.append(try chain.chain.node.check(transaction))
        }
        #expect(checked[0].id != checked[1].id)
        let node = chain.chain.node
        let outcomes = await withTaskGroup(of: Result<TransactionReceipt, ChainError>.self) { group in
            for transaction in checked {
                group.addTask {
                    do { return .success(try await node.submit(checked: transaction)) } catch {
                        return .failure(error as? ChainError ?? ChainError.invalidBody("\(error)"))
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let refusals = outcomes.compactMap { if case .failure(let error) = $0 { error } else { nil } }
        #expect(outcomes.count == 2 && refusals.count == 1)
        #expect(refusals.first?.code == .alreadyExists, "\(refusals)")
        #expect(await chain.resolver.resolve(alice.did).didDocumentMetadata.versionId == "1")
    }

    @Test("an update admitted under a key that is rotated out before it applies is refused unauthorized against state")
    func rotatedKeyJudgedAtApply() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let next = try chain.newIdentity("alice-next")
        var stale = try #require(await chain.resolver.resolve(alice.did).didDocument)
        stale.alsoKnownAs = ["urn:example:stale"]
        // Signed by the old key for the version the rotation will make: only the key check can refuse it.
        let admitted = try chain.chain.node.check(
            try await chain.transaction(.update, did: alice.did, document: stale, previousVersionId: 2, signer: alice.key))

        let rotated = try DIDChancery.defaultDocument(for: alice.did, publicKey: next.publicKey)
        try await chain.submit(.update, did: alice.did, document: rotated, previousVersionId: 1, signer: alice.key)
        await #expect(throws: ChainError(.unauthorized, "")) { _ = try await chain.chain.node.submit(checked: admitted) }
        let current = await chain.resolver.resolve(alice.did)
        #expect(current.didDocumentMetadata.versionId == "2")
        #expect(current.didDocument?.alsoKnownAs == [])
    }
}
