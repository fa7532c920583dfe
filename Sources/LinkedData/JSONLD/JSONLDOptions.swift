public import Primitives

/// Options of ``JSONLDProcessor`` (a subset of the JSON-LD 1.1 API's `JsonLdOptions`; the
/// processing mode is always `json-ld-1.1`).
public struct JSONLDOptions: Sendable {
    /// How `@direction` appears in RDF (JSON-LD 1.1 API `rdfDirection`).
    public enum RDFDirection: Sendable, Hashable {
        /// A literal whose datatype is `https://www.w3.org/ns/i18n#{language}_{direction}`.
        case i18nDatatype
        /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
        case compoundLiteral
    }

    /// The base IRI of the document, against which relative IRIs are resolved; `nil` leaves
    /// them relative (and toRdf drops them).
    public var base: String?
    /// A context applied before the document's own (`expandContext`).
    public var expandContext: JSONValue?
    /// How `@direction` is written in RDF; `nil` (the default of the specification) drops it.
    public var rdfDirection: RDFDirection?
    /// Whether toRdf keeps triples whose predicate is a blank node (generalized RDF).
    public var produceGeneralizedRDF: Bool
    /// Whether a member that expands to nothing, or a `@type`, `@id` or IRI-typed value that
    /// expands to no absolute IRI, is refused with ``LinkedDataError`` `droppedTerm` (naming the
    /// first one) instead of being dropped silently from the RDF form as JSON-LD does.
    public var refuseDroppedTerms: Bool

    /// Creates options.
    /// - Parameters:
    ///   - base: The document's base IRI.
    ///   - expandContext: A context applied before the document's own.
    ///   - rdfDirection: How `@direction` is written in RDF.
    ///   - produceGeneralizedRDF: Whether blank node predicates are kept.
    ///   - refuseDroppedTerms: Whether a member that expands to nothing is an error.
    public init(base: String? = nil, expandContext: JSONValue? = nil, rdfDirection: RDFDirection? = nil,
                produceGeneralizedRDF: Bool = false, refuseDroppedTerms: Bool = false) {
        self.base = base
        self.expandContext = expandContext
        self.rdfDirection = rdfDirection
        self.produceGeneralizedRDF = produceGeneralizedRDF
        self.refuseDroppedTerms = refuseDroppedTerms
    }
}
