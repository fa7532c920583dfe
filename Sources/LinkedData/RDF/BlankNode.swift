/// An RDF blank node, named by a label local to one dataset (written `_:label` in N-Quads).
public struct BlankNode: Hashable, Sendable {
    /// The label, without the `_:` prefix.
    public let identifier: String

    /// Creates a blank node.
    /// - Parameter identifier: The label, without the `_:` prefix.
    public init(_ identifier: String) {
        self.identifier = identifier
    }
}
