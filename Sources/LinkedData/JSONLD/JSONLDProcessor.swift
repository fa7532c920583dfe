public import Primitives

/// JSON-LD 1.1 processing (https://www.w3.org/TR/json-ld11-api/): expansion and deserialization
/// to RDF (`toRdf`), with contexts only from a ``ContextLoader`` — by default the bundled,
/// read-only set — and never from the network.
///
/// ```swift
/// let processor = JSONLDProcessor()
/// let dataset = try processor.toRDF(credential, options: JSONLDOptions(refuseDroppedTerms: true))
/// let canonical = try RDFCanonicalizer().canonicalize(dataset)
/// ```
///
/// A processor is `Sendable` and caches the contexts it has processed; keep one and reuse it.
public struct JSONLDProcessor: Sendable {
    /// Where context documents come from.
    public let loader: any ContextLoader
    private let cache = ContextCache()

    /// Creates a processor.
    /// - Parameter loader: The source of context documents; the bundled set by default.
    public init(loader: any ContextLoader = BundledContextLoader()) {
        self.loader = loader
    }

    /// Expands a document (JSON-LD 1.1 API `expand()`): every term, compact IRI and alias
    /// replaced by absolute IRIs and keywords, values in expanded form.
    /// - Parameters:
    ///   - document: The JSON-LD document.
    ///   - options: Base IRI, expand context and the dropped-term policy.
    /// - Returns: The expanded document, always an array.
    /// - Throws: ``LinkedDataError`` `invalidJSONLD` (with the specification's error code),
    ///   `unknownContext`, or `droppedTerm` when `options.refuseDroppedTerms` is set.
    public func expand(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> JSONValue {
        var engine = JSONLDEngine(loader: loader, options: options, cache: cache)
        let expanded = try engine.expandDocument(document)
        if options.refuseDroppedTerms, let first = engine.droppedTerms.first {
            throw LinkedDataError.droppedTerm(first)
        }
        return expanded
    }

    /// Deserializes a document to an RDF dataset (JSON-LD 1.1 API `toRdf()`): expansion, node
    /// map generation with blank nodes labelled `b0`, `b1`, …, and the triples of every graph.
    /// - Parameters:
    ///   - document: The JSON-LD document.
    ///   - options: Base IRI, expand context, `rdfDirection`, generalized RDF and the
    ///     dropped-term policy.
    /// - Returns: The dataset.
    /// - Throws: As ``expand(_:options:)``.
    public func toRDF(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> RDFDataset {
        var engine = JSONLDEngine(loader: loader, options: options, cache: cache)
        let expanded = try engine.expandDocument(document)
        if options.refuseDroppedTerms, let first = engine.droppedTerms.first {
            throw LinkedDataError.droppedTerm(first)
        }
        var nodeMap = NodeMap()
        var none: [NodeMap.Item]?
        try nodeMap.add(expanded, graphName: "@default", subject: .none, property: nil, list: &none)
        return engine.toRDF(nodeMap)
    }

    /// The first member of `document` (in document order) that expansion drops because it is
    /// not a keyword, not a term and there is no `@vocab` — or the first `@type`, `@id` or
    /// IRI-typed value that expands to no absolute IRI, which toRdf drops: a claim a signature
    /// over the RDF form would not cover.
    /// - Parameters:
    ///   - document: The JSON-LD document.
    ///   - options: Base IRI and expand context.
    /// - Returns: The member name (or value), or `nil` if nothing is dropped.
    /// - Throws: As ``expand(_:options:)`` (never `droppedTerm`).
    public func firstDroppedTerm(in document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> String? {
        try droppedTerms(in: document, options: options).first
    }

    /// Every member name or value of `document` that expansion drops (as
    /// ``firstDroppedTerm(in:options:)`` finds the first), in document order.
    /// - Parameters:
    ///   - document: The JSON-LD document.
    ///   - options: Base IRI and expand context.
    /// - Returns: The dropped member names and values; empty if nothing is dropped.
    /// - Throws: As ``expand(_:options:)`` (never `droppedTerm`).
    public func droppedTerms(in document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> [String] {
        var engine = JSONLDEngine(loader: loader, options: options, cache: cache)
        _ = try engine.expandDocument(document)
        return engine.droppedTerms
    }
}

extension JSONLDEngine {
    /// The `expand()` entry point: the initial context, `expandContext`, expansion and the
    /// final unwrapping of a lone `@graph`.
    mutating func expandDocument(_ document: JSONValue) throws -> JSONValue {
        var activeContext = ActiveContext(base: options.base)
        activeContext.cacheKey = cache?.initialKey(base: options.base)
        if let expandContext = options.expandContext {
            let context = expandContext.objectValue?["@context"] ?? expandContext
            activeContext = try processContext(activeContext, context, baseURL: options.base)
        }
        var expanded = try expand(activeContext, activeProperty: nil, document, baseURL: options.base)
        if case .object(let object) = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        switch expanded {
        case .null: return .array([])
        case .array: return expanded
        default: return .array([expanded])
        }
    }
}
