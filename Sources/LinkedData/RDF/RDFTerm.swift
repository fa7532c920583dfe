/// A node or value of an RDF quad: an IRI, a blank node or a literal.
public enum RDFTerm: Hashable, Sendable {
    /// An absolute IRI.
    case iri(String)
    /// A blank node.
    case blankNode(BlankNode)
    /// A literal.
    case literal(Literal)

    /// The blank node, if this term is one.
    public var blankNode: BlankNode? {
        if case .blankNode(let node) = self { node } else { nil }
    }
}
