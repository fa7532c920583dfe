/// One RDF statement of a dataset: subject, predicate and object in the default graph or in a
/// named graph.
public struct Quad: Hashable, Sendable {
    /// An IRI or a blank node.
    public var subject: RDFTerm
    /// An IRI (a blank node only in generalized RDF).
    public var predicate: RDFTerm
    /// An IRI, a blank node or a literal.
    public var object: RDFTerm
    /// The graph name (an IRI or a blank node), or `nil` for the default graph.
    public var graph: RDFTerm?

    /// Creates a quad.
    /// - Parameters:
    ///   - subject: An IRI or a blank node.
    ///   - predicate: An IRI.
    ///   - object: Any term.
    ///   - graph: The graph name, or `nil` for the default graph.
    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}
