import Primitives

/// Processed contexts shared by the runs of one ``JSONLDProcessor``: the result of processing a
/// local context (a URL, a list of URLs or a scoped context) on top of an already cached
/// context, so the contexts of a credential are processed once, not on every verification.
///
/// Thread-safe; holds at most ``capacity`` entries and stops adding beyond, so documents with
/// ever-new embedded contexts cannot grow it without bound.
final class ContextCache: @unchecked Sendable {
    struct Key: Hashable {
        let parent: Int
        let local: JSONValue
        let baseURL: String?
        let overrideProtected: Bool
        let propagate: Bool
        let validateScopedContext: Bool
    }

    static let capacity = 1_024

    private let lock = AdaptiveLock()
    private var entries: [Key: ActiveContext] = [:]
    private var initialKeys: [String: Int] = [:]
    private var nextKey = 1

    /// The cache identity of the initial context with base IRI `base`: 0 without a base, and
    /// one number per base seen (up to ``capacity`` bases; `nil` beyond).
    func initialKey(base: String?) -> Int? {
        guard let base else { return 0 }
        return lock.withLock {
            if let key = initialKeys[base] { return key }
            guard initialKeys.count < Self.capacity else { return nil }
            let key = nextKey
            nextKey += 1
            initialKeys[base] = key
            return key
        }
    }

    func context(for key: Key) -> ActiveContext? {
        lock.withLock { entries[key] }
    }

    /// Stores `context` (if there is room) and returns it with its cache identity set.
    func store(_ context: ActiveContext, for key: Key) -> ActiveContext {
        lock.withLock {
            if let existing = entries[key] { return existing }
            guard entries.count < Self.capacity else { return context }
            var stored = context
            stored.cacheKey = nextKey
            nextKey += 1
            entries[key] = stored
            return stored
        }
    }
}
