import Chain
import ChainTestSupport
import DID
import KeyCustody
import Primitives
import Testing

/// The did:chancery authority rules, each both ways, and resolution of what they wrote.
struct DIDChanceryLedgerTests {
    @Test("a DID created with proof of its inception key resolves with version 1 metadata")
    func createAndResolve() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let result = await chain.resolver.resolve(alice.did)
        #expect(result.isSuccess, "\(result)")
        #expect(result.didDocument?.id == alice.did)
        #expect(result.didDocumentMetadata.versionId == "1")
        #expect(result.didDocumentMetadata.created != nil)
        #expect(result.didDocumentMetadata.updated == nil)
        #expect(alice.did.description.hasPrefix("did:chancery:test-chain:0x"))
    }

    @Test("creation is refused when the proof is by another key, and for an existing DID")
    func createAuthority() async throws {
        let chain = try DIDChain()
        let alice = try chain.newIdentity("alice")
        let mallory = try chain.newIdentity("mallory")
        let document = try DIDChancery.defaultDocument(for: alice.did, publicKey: alice.publicKey)
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.create, did: alice.did, document: document, previousVersionId: 0, signer: mallory.key)
        }
        #expect(await chain.resolver.resolve(alice.did).error == DIDError(.notFound))
        try await chain.submit(.create, did: alice.did, document: document, previousVersionId: 0, signer: alice.key)
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.create, did: alice.did, document: document, previousVersionId: 0, signer: alice.key)
        }
    }

    @Test("only a controller key updates; a stale version is refused; history resolves by versionId and versionTime")
    func updateAndHistory() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let mallory = try chain.newIdentity("mallory")
        var document = try #require(await chain.resolver.resolve(alice.did).didDocument)
        let original = document
        document.alsoKnownAs = ["https://example.edu/alice"]
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.update, did: alice.did, document: document, previousVersionId: 1, signer: mallory.key)
        }
        chain.chain.clock.advance(milliseconds: 5_000)
        try await chain.submit(.update, did: alice.did, document: document, previousVersionId: 1, signer: alice.key)
        await #expect(throws: ChainError(.alreadyExists, "")) {
            try await chain.submit(.update, did: alice.did, document: document, previousVersionId: 1, signer: alice.key)
        }
        let current = await chain.resolver.resolve(alice.did)
        #expect(current.didDocument?.alsoKnownAs == ["https://example.edu/alice"])
        #expect(current.didDocumentMetadata.versionId == "2")
        #expect(current.didDocumentMetadata.updated != nil)

        let first = await chain.resolver.resolve(alice.did, options: DIDResolutionOptions(versionId: "1"))
        #expect(first.didDocument == original.represented(as: DIDMediaType.did))
        #expect(first.didDocumentMetadata.nextVersionId == "2")
        let byTime = await chain.resolver.resolve(alice.did, options: DIDResolutionOptions(
            versionTime: DIDDateTime(secondsSince1970: Int64(ChainFixture.genesisTime / 1000) + 1)))
        #expect(byTime.didDocumentMetadata.versionId == "1")
        #expect(await chain.resolver.resolve(alice.did, options: DIDResolutionOptions(versionId: "9")).error == DIDError(.notFound))
        #expect(await chain.resolver.resolve(alice.did, options: DIDResolutionOptions(
            versionTime: DIDDateTime(secondsSince1970: 1))).error == DIDError(.notFound))
    }

    @Test("after key rotation the old key is refused and the new key is accepted")
    func keyRotation() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let next = try chain.newIdentity("alice-next")
        var rotated = try DIDChancery.defaultDocument(for: alice.did, publicKey: next.publicKey)
        rotated.alsoKnownAs = ["urn:rotated:1"]
        try await chain.submit(.update, did: alice.did, document: rotated, previousVersionId: 1, signer: alice.key)
        rotated.alsoKnownAs = ["urn:rotated:2"]
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.update, did: alice.did, document: rotated, previousVersionId: 2, signer: alice.key)
        }
        try await chain.submit(.update, did: alice.did, document: rotated, previousVersionId: 2, signer: next.key)
        #expect(await chain.resolver.resolve(alice.did).didDocumentMetadata.versionId == "3")
    }

    @Test("a controller DID's key may change the DIDs it controls; an unrelated DID's key may not")
    func controllers() async throws {
        let chain = try DIDChain()
        let university = try await chain.create("university")
        let department = try chain.newIdentity("department")
        var document = try DIDChancery.defaultDocument(for: department.did, publicKey: department.publicKey)
        document.controller = .many([department.did, university.did])
        try await chain.submit(.create, did: department.did, document: document, previousVersionId: 0, signer: department.key)
        let stranger = try await chain.create("stranger")
        document.alsoKnownAs = ["urn:changed-by:university"]
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.update, did: department.did, document: document, previousVersionId: 1, signer: stranger.key)
        }
        try await chain.submit(.update, did: department.did, document: document, previousVersionId: 1, signer: university.key)
        #expect(await chain.resolver.resolve(department.did).didDocument?.alsoKnownAs == ["urn:changed-by:university"])
    }

    @Test("a deactivated DID resolves as deactivated and cannot change again")
    func deactivation() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let mallory = try chain.newIdentity("mallory")
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.deactivate, did: alice.did, document: nil, previousVersionId: 1, signer: mallory.key)
        }
        try await chain.submit(.deactivate, did: alice.did, document: nil, previousVersionId: 1, signer: alice.key)
        let result = await chain.resolver.resolve(alice.did)
        #expect(result.didDocumentMetadata.deactivated == true)
        #expect(result.didDocumentMetadata.versionId == "2")
        let document = try DIDChancery.defaultDocument(for: alice.did, publicKey: alice.publicKey)
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.update, did: alice.did, document: document, previousVersionId: 2, signer: alice.key)
        }
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await chain.submit(.deactivate, did: alice.did, document: nil, previousVersionId: 2, signer: alice.key)
        }
    }

    @Test("a document whose id is another DID, or a DID of another chain, is refused before ordering")
    func structure() async throws {
        let chain = try DIDChain()
        let alice = try chain.newIdentity("alice")
        let bob = try chain.newIdentity("bob")
        let wrongId = try DIDChancery.defaultDocument(for: bob.did, publicKey: bob.publicKey)
        await #expect(throws: ChainError(.invalidBody, "")) {
            try await chain.submit(.create, did: alice.did, document: wrongId, previousVersionId: 0, signer: alice.key)
        }
        let foreign = try DIDChancery(chainId: "other-chain", publicKey: alice.publicKey).did
        await #expect(throws: ChainError(.invalidBody, "")) {
            try await chain.submit(.create, did: foreign, document: try DIDChancery.defaultDocument(for: foreign, publicKey: alice.publicKey),
                                   previousVersionId: 0, signer: alice.key)
        }
    }
}
