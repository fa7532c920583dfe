import Primitives

/// The active context of JSON-LD processing (JSON-LD 1.1 API section 4.1): term definitions,
/// base IRI, vocabulary mapping, default language and direction, and the context to return to
/// when a non-propagated (type-scoped) context ends.
struct ActiveContext: Sendable {
    var terms: [String: TermDefinition] = [:]
    var baseIRI: String?
    var originalBaseURL: String?
    var vocabularyMapping: String?
    var defaultLanguage: String?
    var defaultDirection: String?
    /// The identity of this context in a ``ContextCache``: set on contexts the cache returned,
    /// `nil` on contexts built any other way (they are not cached as parents).
    var cacheKey: Int?
    private var previous: Box?

    final class Box: Sendable {
        let context: ActiveContext
        init(_ context: ActiveContext) { self.context = context }
    }

    init(base: String?) {
        baseIRI = base
        originalBaseURL = base
    }

    var previousContext: ActiveContext? {
        get { previous?.context }
        set { previous = newValue.map(Box.init) }
    }

    var hasProtectedTerms: Bool {
        terms.values.contains { $0.protected }
    }
}
