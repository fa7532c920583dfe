/// An RDF dataset: a set of quads, kept in the order first added.
///
/// Parse N-Quads with ``init(nQuads:)``, produce one from JSON-LD with
/// ``JSONLDProcessor/toRDF(_:options:)``, and canonicalize it with ``RDFCanonicalizer``.
public struct RDFDataset: Sendable {
    /// The quads, without duplicates, in the order first added.
    public private(set) var quads: [Quad]
    private var members: Set<Quad>

    /// Creates a dataset; repeated quads are kept once.
    /// - Parameter quads: The quads.
    public init(quads: [Quad] = []) {
        self.quads = []
        self.members = []
        self.quads.reserveCapacity(quads.count)
        for quad in quads { insert(quad) }
    }

    /// Parses an N-Quads document (RDF 1.1 N-Quads, UCHAR and ECHAR escapes, comments).
    /// - Parameter nQuads: The document.
    /// - Throws: ``LinkedDataError`` `invalidNQuads` naming the line that is not N-Quads.
    public init(nQuads: String) throws {
        self.init(quads: try NQuadsParser.parse(nQuads))
    }

    /// Adds a quad unless the dataset already has it.
    /// - Parameter quad: The quad.
    /// - Returns: Whether the quad was new.
    @discardableResult
    public mutating func insert(_ quad: Quad) -> Bool {
        guard members.insert(quad).inserted else { return false }
        quads.append(quad)
        return true
    }

    /// The number of quads.
    public var count: Int { quads.count }

    /// The dataset as canonical N-Quads (RDFC-1.0 section 4.1 / RDF 1.2 canonical N-Quads), one
    /// line per quad in stored order, each ending with a line feed.
    /// - Returns: The N-Quads text.
    public func nQuads() -> String {
        var output: [UInt8] = []
        for quad in quads { NQuadsSerializer.append(quad, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}
