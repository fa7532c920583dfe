import Chain
import ChainTestSupport
import DID
import Primitives
import Testing

/// Resolution error codes, address case handling, and the constant cost of current resolution.
struct DIDChanceryResolutionTests {
    @Test("resolution errors: invalidDid, notFound, other chain, methodNotSupported, representationNotSupported")
    func errors() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let composite = CompositeResolver(["chancery": chain.resolver, "key": DIDKey.Resolver()])
        #expect(await composite.resolve(parsing: "did:chancery:test-chain:0x12").error == DIDError(.invalidDid))
        #expect(await composite.resolve(parsing: "not a did").error == DIDError(.invalidDid))
        let unknown = try DIDChancery(chainId: "test-chain", publicKey: Secp256k1PrivateKey().publicKey).did
        #expect(await composite.resolve(unknown).error == DIDError(.notFound))
        let otherChain = try DIDChancery(chainId: "elsewhere", publicKey: Secp256k1PrivateKey().publicKey).did
        #expect(await composite.resolve(otherChain).error == DIDError(.notFound))
        #expect(await composite.resolve(parsing: "did:web:example.com").error == DIDError(.methodNotSupported))
        #expect(await composite.resolve(alice.did, options: DIDResolutionOptions(accept: "text/html")).error
            == DIDError(.representationNotSupported))
    }

    @Test("an address in lower case resolves to the canonical EIP-55 DID, named as canonicalId; a wrong checksum is invalidDid")
    func addressCase() async throws {
        let chain = try DIDChain()
        let alice = try await chain.create("alice")
        let lower = try DID(parsing: alice.did.description.lowercased())
        let resolved = await chain.resolver.resolve(lower)
        #expect(resolved.didDocument?.id == alice.did)
        #expect(resolved.didDocumentMetadata.canonicalId == alice.did)
        #expect(await chain.resolver.resolve(alice.did).didDocumentMetadata.canonicalId == nil)
        let text = alice.did.description
        let flipped = String(text.dropLast()) + (text.last!.isUppercase ? text.last!.lowercased() : text.last!.uppercased())
        if flipped != text, text.last!.isLetter {
            #expect(await chain.resolver.resolve(parsing: flipped).error == DIDError(.invalidDid))
        }
    }

    @Test("resolving the current document reads one state entry whether the DID was updated once or 50 times")
    func constantCost() async throws {
        let chain = try DIDChain()
        let once = try await chain.create("once")
        let often = try await chain.create("often")
        var document = try DIDChancery.defaultDocument(for: once.did, publicKey: once.publicKey)
        document.alsoKnownAs = ["urn:version:2"]
        try await chain.submit(.update, did: once.did, document: document, previousVersionId: 1, signer: once.key)
        var oftenDocument = try DIDChancery.defaultDocument(for: often.did, publicKey: often.publicKey)
        for version in 1...50 {
            oftenDocument.alsoKnownAs = ["urn:version:\(version + 1)"]
            try await chain.submit(.update, did: often.did, document: oftenDocument, previousVersionId: UInt64(version), signer: often.key)
        }
        for (did, expected) in [(once.did, "2"), (often.did, "51")] {
            let counter = CountingReader(base: chain.chain.store)
            let result = await DIDChancery.Resolver(chainId: "test-chain", state: counter).resolve(did)
            #expect(result.didDocumentMetadata.versionId == expected)
            #expect(counter.reads == 1)
        }
    }
}

/// Counts reads, to show how much state a resolution touches.
final class CountingReader: StateReader, @unchecked Sendable {
    let base: any StateReader
    private(set) var reads = 0
    init(base: any StateReader) { self.base = base }
    func value(namespace: String, key: [UInt8]) throws -> [UInt8]? { reads += 1; return try base.value(namespace: namespace, key: key) }
    func entries(namespace: String, prefix: [UInt8]) throws -> [(key: [UInt8], value: [UInt8])] {
        reads += 1
        return try base.entries(namespace: namespace, prefix: prefix)
    }
}
