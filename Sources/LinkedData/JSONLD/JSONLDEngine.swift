import Primitives

/// The JSON-LD 1.1 algorithms for one run over one document: context processing, IRI
/// expansion, expansion, node map generation and deserialization to RDF, with the loader that
/// supplies remote contexts and the first member name that expansion dropped.
struct JSONLDEngine {
    let loader: any ContextLoader
    let options: JSONLDOptions
    /// Processed contexts shared across runs, or `nil` to process every context afresh.
    let cache: ContextCache?
    /// Member names that expanded to nothing, in the order met.
    var droppedTerms: [String] = []
    /// The most remote contexts one context may pull in, directly or through others.
    static let maxRemoteContexts = 32

    init(loader: any ContextLoader, options: JSONLDOptions, cache: ContextCache?) {
        self.loader = loader
        self.options = options
        self.cache = cache
    }

    static func error(_ code: String, _ reason: String) -> LinkedDataError {
        LinkedDataError.jsonLD(code, reason)
    }
}
