/// The result of RDFC-1.0: the canonical quads, their canonical N-Quads text and the issued
/// identifier map.
public struct CanonicalizedDataset: Sendable {
    /// The quads with canonical blank node labels (`c14n0`, …), sorted as their N-Quads lines.
    public let quads: [Quad]
    /// The canonical N-Quads document: the sorted lines, each ending with a line feed.
    public let nQuads: String
    /// The issued identifiers map: each input blank node label (without `_:`) to its canonical
    /// label.
    public let issuedIdentifiers: [String: String]
}
