import Primitives

/// A resolver that remembers successful results of another for a while, so repeated
/// verifications do not resolve the same DID again.
///
/// Only successful, non-versioned results are kept (an error may be transient; a versioned
/// request is rare and its answer is per version). Entries expire after `timeToLive` and the
/// least recently used entry goes when `maxEntries` is reached. Time comes from the `now`
/// closure, so tests drive it:
/// ```swift
/// let clock = ManualClock(0)
/// let cache = CachingResolver(base, maxEntries: 1000, timeToLive: .seconds(60)) { clock.nowMilliseconds() }
/// ```
/// Over chain state, pass `version` (the chain height): a result is then served only while
/// the height it was read at is still the head, so an update or deactivation shows at once.
/// - Warning: without `version`, a cached document can lag an update by up to `timeToLive`;
///   call ``invalidate(_:)`` when the caller learns of a change.
public final class CachingResolver: DIDResolver, @unchecked Sendable {
    // `@unchecked Sendable`: the mutable state is touched only under `lock`, never across an
    // `await`. An `AdaptiveLock`: both event loops take it on every verification.
    private struct Key: Hashable {
        let did: DID
        let accept: String?
    }

    private struct State {
        var entries: LRUCache<Key, (result: DIDResolutionResult, storedAt: UInt64, version: UInt64)>
        var hits = 0
        var misses = 0
    }

    private let base: any DIDResolver
    private let timeToLiveMilliseconds: UInt64
    private let now: @Sendable () -> UInt64
    private let version: @Sendable () -> UInt64
    private let lock = AdaptiveLock()
    private var state: State

    /// Wraps `base` in a cache.
    /// - Parameters:
    ///   - base: the resolver whose results are cached.
    ///   - maxEntries: the most results kept (at least 1).
    ///   - timeToLive: how long a result is served from the cache.
    ///   - version: the version of the state `base` reads (the chain height); a result read at
    ///     another version is stale. Constant when omitted.
    ///   - now: the current time in milliseconds since any fixed epoch (a `ChainClock`'s).
    public init(_ base: any DIDResolver, maxEntries: Int = 1024, timeToLive: Duration = .seconds(300),
                version: @escaping @Sendable () -> UInt64 = { 0 }, now: @escaping @Sendable () -> UInt64) {
        self.base = base
        self.version = version
        let (seconds, attoseconds) = timeToLive.components
        timeToLiveMilliseconds = UInt64(max(0, seconds)) * 1000 + UInt64(max(0, attoseconds) / 1_000_000_000_000_000)
        self.now = now
        state = State(entries: LRUCache(capacity: max(1, maxEntries)))
    }

    /// Resolves `did`, from the cache when a fresh result for the same DID and `accept` is there.
    /// - Parameters:
    ///   - did: the DID to resolve.
    ///   - options: versioned requests bypass the cache (counted neither hit nor miss).
    /// - Returns: the cached or freshly resolved result.
    public func resolve(_ did: DID, options: DIDResolutionOptions) async -> DIDResolutionResult {
        guard !options.isVersioned else { return await base.resolve(did, options: options) }
        let key = Key(did: did, accept: options.accept)
        // Read before resolving: a block committed meanwhile leaves the entry stale, not wrong.
        let current = version()
        let cached: DIDResolutionResult? = lock.withLock {
            let time = now()
            if let entry = state.entries.value(for: key) {
                // A clock that went backwards gives no age, so the entry is treated as stale.
                if entry.version == current, time >= entry.storedAt, time - entry.storedAt < timeToLiveMilliseconds {
                    state.hits += 1
                    return entry.result
                }
                state.entries.removeValue(for: key)
            }
            state.misses += 1
            return nil
        }
        if let cached { return cached }
        let result = await base.resolve(did, options: options)
        if result.isSuccess {
            lock.withLock { state.entries.setValue((result, now(), current), for: key) }
        }
        return result
    }

    /// How many resolutions were answered from the cache.
    public var hitCount: Int { lock.withLock { state.hits } }
    /// How many cacheable resolutions had to ask the wrapped resolver.
    public var missCount: Int { lock.withLock { state.misses } }
    /// How many results the cache holds, fresh or expired.
    public var count: Int { lock.withLock { state.entries.count } }

    /// Forgets every cached result for `did`, after the caller learns that it changed.
    /// - Parameter did: the DID whose results to drop.
    public func invalidate(_ did: DID) {
        lock.withLock { state.entries.removeAll { $0.did == did } }
    }
}
