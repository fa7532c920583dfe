import DID
import Testing

struct CachingResolverTests {
    private let a = "did:example:a", b = "did:example:b", c = "did:example:c"

    private func setUp(maxEntries: Int = 10) throws -> (CachingResolver, StubResolver, TestClock) {
        let stub = try StubResolver([a, b, c]), clock = TestClock()
        let cache = CachingResolver(stub, maxEntries: maxEntries, timeToLive: .seconds(60)) { clock.now }
        return (cache, stub, clock)
    }

    @Test("a repeated resolution is answered from the cache and counted as a hit")
    func hit() async throws {
        let (cache, stub, _) = try setUp()
        let first = await cache.resolve(parsing: a), second = await cache.resolve(parsing: a)
        #expect(first == second)
        #expect(second.didDocument?.id.description == a)
        #expect(stub.callCount == 1)
        #expect((cache.hitCount, cache.missCount, cache.count) == (1, 1, 1))
    }

    @Test("an entry expires after its time to live and is resolved again")
    func expiry() async throws {
        let (cache, stub, clock) = try setUp()
        _ = await cache.resolve(parsing: a)
        clock.advance(seconds: 59)
        _ = await cache.resolve(parsing: a)
        #expect(stub.callCount == 1)
        clock.advance(seconds: 1)
        _ = await cache.resolve(parsing: a)
        #expect(stub.callCount == 2)
        #expect((cache.hitCount, cache.missCount) == (1, 2))
    }

    @Test("with a version (the chain height), an entry is served only while the height it was read at is current")
    func versionScoped() async throws {
        let stub = try StubResolver([a, b, c]), clock = TestClock(), height = TestClock()
        let cache = CachingResolver(stub, maxEntries: 10, timeToLive: .seconds(60), version: { height.now }) { clock.now }
        _ = await cache.resolve(parsing: a)
        _ = await cache.resolve(parsing: a)
        #expect(stub.callCount == 1)
        height.advance(seconds: 1)   // a block committed
        _ = await cache.resolve(parsing: a)
        #expect(stub.callCount == 2)
        _ = await cache.resolve(parsing: a)
        #expect(stub.callCount == 2)
        #expect((cache.hitCount, cache.missCount) == (2, 2))
    }

    @Test("when full, the least recently used entry is evicted")
    func leastRecentlyUsed() async throws {
        let (cache, stub, _) = try setUp(maxEntries: 2)
        _ = await cache.resolve(parsing: a)
        _ = await cache.resolve(parsing: b)
        _ = await cache.resolve(parsing: a)   // a becomes the most recently used
        _ = await cache.resolve(parsing: c)   // evicts b
        #expect(cache.count == 2)
        _ = await cache.resolve(parsing: a)
        #expect(stub.callCount == 3)
        _ = await cache.resolve(parsing: b)
        #expect(stub.callCount == 4)
        #expect((cache.hitCount, cache.missCount) == (2, 4))
    }

    @Test("failures are not cached, so a DID created later is found")
    func failuresNotCached() async throws {
        let (cache, stub, _) = try setUp()
        let missing = await cache.resolve(parsing: "did:example:missing")
        #expect(missing.didResolutionMetadata.error == .notFound)
        _ = await cache.resolve(parsing: "did:example:missing")
        #expect(stub.callCount == 2)
        #expect(cache.count == 0)
        #expect(cache.hitCount == 0)
    }

    @Test("versioned requests bypass the cache and different accept values are cached apart")
    func bypassAndKeys() async throws {
        let (cache, stub, _) = try setUp()
        let did = try DID(parsing: a)
        let versioned = DIDResolutionOptions(versionId: "3")
        #expect(await cache.resolve(did, options: versioned).didDocumentMetadata.versionId == "3")
        _ = await cache.resolve(did, options: versioned)
        #expect(stub.callCount == 2)
        #expect((cache.hitCount, cache.missCount) == (0, 0))
        _ = await cache.resolve(did, options: DIDResolutionOptions(accept: DIDMediaType.didJSON))
        _ = await cache.resolve(did)
        #expect(stub.callCount == 4)
        #expect(cache.count == 2)
    }

    @Test("invalidating a DID drops its entries")
    func invalidate() async throws {
        let (cache, stub, _) = try setUp()
        _ = await cache.resolve(parsing: a)
        _ = await cache.resolve(parsing: b)
        cache.invalidate(try DID(parsing: a))
        _ = await cache.resolve(parsing: a)
        _ = await cache.resolve(parsing: b)
        #expect(stub.callCount == 3)
        #expect(cache.hitCount == 1)
    }

    @Test("concurrent resolutions are all answered and every one is counted once")
    func concurrency() async throws {
        let (cache, stub, _) = try setUp(maxEntries: 2)
        let dids = (0..<200).map { [a, b, c][$0 % 3] }
        let successes = await withTaskGroup(of: Bool.self) { group in
            for did in dids { group.addTask { await cache.resolve(parsing: did).isSuccess } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 200)
        #expect(cache.hitCount + cache.missCount == 200)
        #expect(stub.callCount == cache.missCount)
        #expect(cache.count <= 2)
    }
}
