/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, https://www.w3.org/TR/rdf-canon/):
/// relabels the blank nodes of a dataset so that isomorphic datasets give the same canonical
/// N-Quads, which Data Integrity suites hash and sign.
///
/// ```swift
/// let canonical = try RDFCanonicalizer().canonicalize(dataset)
/// let bytes = Array(canonical.nQuads.utf8)
/// ```
///
/// Blank nodes that first-degree hashes tell apart (every credential without blank-node
/// symmetry) are labelled without Hash N-Degree Quads; the rest are bounded by ``limits``.
public struct RDFCanonicalizer: Sendable {
    /// The hash function of the algorithm.
    public var hashAlgorithm: CanonicalizationHashAlgorithm
    /// The work allowed on one dataset.
    public var limits: CanonicalizationLimits

    /// Creates a canonicalizer.
    /// - Parameters:
    ///   - hashAlgorithm: SHA-256 (default) or SHA-384.
    ///   - limits: The work allowed on one dataset.
    public init(hashAlgorithm: CanonicalizationHashAlgorithm = .sha256, limits: CanonicalizationLimits = .default) {
        self.hashAlgorithm = hashAlgorithm
        self.limits = limits
    }

    /// Canonicalizes a dataset (RDFC-1.0 section 4.4).
    /// - Parameter dataset: The input dataset.
    /// - Returns: The canonical quads, N-Quads and issued identifiers map.
    /// - Throws: ``LinkedDataError`` `workLimitExceeded` if the dataset needs more work than
    ///   ``limits`` allow.
    public func canonicalize(_ dataset: RDFDataset) throws -> CanonicalizedDataset {
        var state = CanonicalizationState(quads: dataset.quads, hashAlgorithm: hashAlgorithm, limits: limits)
        try state.run()
        return state.result()
    }
}

/// The canonicalization state of RDFC-1.0 section 4.2 and the algorithms that update it.
private struct CanonicalizationState {
    let quads: [Quad]
    let hashAlgorithm: CanonicalizationHashAlgorithm
    let limits: CanonicalizationLimits
    /// The blank node to quads map: each blank node label to the indices of its quads.
    var blankNodeQuads: [String: [Int]] = [:]
    /// The blank nodes in order of first appearance (so the result does not depend on hashing).
    var blankNodes: [String] = []
    var canonicalIssuer = IdentifierIssuer(prefix: "c14n")
    var nDegreeCalls = 0
    var permutations = 0

    init(quads: [Quad], hashAlgorithm: CanonicalizationHashAlgorithm, limits: CanonicalizationLimits) {
        self.quads = quads
        self.hashAlgorithm = hashAlgorithm
        self.limits = limits
    }

    mutating func run() throws {
        // Step 2: the blank node to quads map.
        for (index, quad) in quads.enumerated() {
            for term in [quad.subject, quad.object, quad.graph] {
                guard let node = term?.blankNode else { continue }
                if blankNodeQuads[node.identifier] == nil {
                    blankNodeQuads[node.identifier] = [index]
                    blankNodes.append(node.identifier)
                } else if blankNodeQuads[node.identifier]!.last != index {
                    blankNodeQuads[node.identifier]!.append(index)
                }
            }
        }
        // Step 3: first degree hashes.
        var hashToBlankNodes: [String: [String]] = [:]
        for node in blankNodes {
            hashToBlankNodes[hashFirstDegreeQuads(node), default: []].append(node)
        }
        // Step 4: unique hashes, in code point order, get canonical identifiers.
        var sharedHashes: [String] = []
        for hash in hashToBlankNodes.keys.sorted() {
            let nodes = hashToBlankNodes[hash]!
            if nodes.count == 1 {
                _ = canonicalIssuer.issue(nodes[0])
            } else {
                sharedHashes.append(hash)
            }
        }
        // Step 5: the rest through Hash N-Degree Quads.
        for hash in sharedHashes {
            var hashPathList: [(hash: String, issuer: IdentifierIssuer)] = []
            for node in hashToBlankNodes[hash]! {
                if canonicalIssuer.identifier(for: node) != nil { continue }
                var temporaryIssuer = IdentifierIssuer(prefix: "b")
                _ = temporaryIssuer.issue(node)
                hashPathList.append(try hashNDegreeQuads(node, issuer: temporaryIssuer))
            }
            hashPathList.sort { $0.hash < $1.hash }
            for result in hashPathList {
                for existing in result.issuer.order { _ = canonicalIssuer.issue(existing) }
            }
        }
    }

    func result() -> CanonicalizedDataset {
        let issuer = canonicalIssuer
        let relabel = { (term: RDFTerm) -> RDFTerm in
            guard case .blankNode(let node) = term else { return term }
            return .blankNode(BlankNode(issuer.identifier(for: node.identifier)!))
        }
        var lines: [(line: [UInt8], quad: Quad)] = []
        lines.reserveCapacity(quads.count)
        for quad in quads {
            let canonical = Quad(subject: relabel(quad.subject), predicate: relabel(quad.predicate),
                                 object: relabel(quad.object), graph: quad.graph.map(relabel))
            var line: [UInt8] = []
            NQuadsSerializer.append(canonical, to: &line)
            lines.append((line, canonical))
        }
        lines.sort { $0.line.lexicographicallyPrecedes($1.line) }
        var output: [UInt8] = []
        output.reserveCapacity(lines.reduce(0) { $0 + $1.line.count })
        var previous: [UInt8]?
        var sortedQuads: [Quad] = []
        for entry in lines where entry.line != previous {
            output.append(contentsOf: entry.line)
            sortedQuads.append(entry.quad)
            previous = entry.line
        }
        return CanonicalizedDataset(quads: sortedQuads, nQuads: String(decoding: output, as: UTF8.self),
                                    issuedIdentifiers: issuer.issued)
    }

    /// Hash First Degree Quads (section 4.6).
    func hashFirstDegreeQuads(_ reference: String) -> String {
        var lines: [[UInt8]] = []
        for index in blankNodeQuads[reference]! {
            var line: [UInt8] = []
            NQuadsSerializer.append(quads[index], to: &line) { $0.identifier == reference ? "a" : "z" }
            lines.append(line)
        }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        return hashAlgorithm.hexDigest(Array(lines.joined()))
    }

    /// Hash Related Blank Node (section 4.7).
    func hashRelatedBlankNode(_ related: String, quad: Quad, issuer: IdentifierIssuer, position: String) -> String {
        var input = position
        if position != "g", case .iri(let predicate) = quad.predicate {
            input += "<" + predicate + ">"
        }
        if let identifier = canonicalIssuer.identifier(for: related) ?? issuer.identifier(for: related) {
            input += "_:" + identifier
        } else {
            input += hashFirstDegreeQuads(related)
        }
        return hashAlgorithm.hexDigest(Array(input.utf8))
    }

    /// Hash N-Degree Quads (section 4.8).
    mutating func hashNDegreeQuads(_ identifier: String, issuer: IdentifierIssuer) throws
        -> (hash: String, issuer: IdentifierIssuer)
    {
        nDegreeCalls += 1
        guard nDegreeCalls <= limits.maxHashNDegreeQuadsCalls else {
            throw LinkedDataError.workLimitExceeded(
                "Canonicalization needs more than \(limits.maxHashNDegreeQuadsCalls) calls of Hash N-Degree Quads; the dataset is refused as a poison graph.")
        }
        var issuer = issuer
        var hashToRelated: [String: [String]] = [:]
        for index in blankNodeQuads[identifier]! {
            let quad = quads[index]
            for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                guard let node = term?.blankNode, node.identifier != identifier else { continue }
                let hash = hashRelatedBlankNode(node.identifier, quad: quad, issuer: issuer, position: position)
                hashToRelated[hash, default: []].append(node.identifier)
            }
        }
        var dataToHash = ""
        for relatedHash in hashToRelated.keys.sorted() {
            dataToHash += relatedHash
            var chosenPath = ""
            var chosenIssuer: IdentifierIssuer?
            var permutation = hashToRelated[relatedHash]!.sorted()
            repeat {
                permutations += 1
                guard permutations <= limits.maxPermutations else {
                    throw LinkedDataError.workLimitExceeded(
                        "Canonicalization needs more than \(limits.maxPermutations) permutations of related blank nodes; the dataset is refused as a poison graph.")
                }
                var issuerCopy = issuer
                var path = ""
                var recursionList: [String] = []
                var skip = false
                for related in permutation {
                    if let canonical = canonicalIssuer.identifier(for: related) {
                        path += "_:" + canonical
                    } else {
                        if issuerCopy.identifier(for: related) == nil { recursionList.append(related) }
                        path += "_:" + issuerCopy.issue(related)
                    }
                    if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, path > chosenPath {
                        skip = true
                        break
                    }
                }
                if !skip {
                    for related in recursionList {
                        let result = try hashNDegreeQuads(related, issuer: issuerCopy)
                        path += "_:" + issuerCopy.issue(related)
                        path += "<" + result.hash + ">"
                        issuerCopy = result.issuer
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, path > chosenPath {
                            skip = true
                            break
                        }
                    }
                }
                if !skip, chosenPath.isEmpty || path < chosenPath {
                    chosenPath = path
                    chosenIssuer = issuerCopy
                }
            } while Self.nextPermutation(&permutation)
            dataToHash += chosenPath
            issuer = chosenIssuer!
        }
        return (hashAlgorithm.hexDigest(Array(dataToHash.utf8)), issuer)
    }

    /// Rearranges `elements` into the next permutation in lexicographic order; `false` after
    /// the last.
    static func nextPermutation(_ elements: inout [String]) -> Bool {
        guard elements.count > 1 else { return false }
        var pivot = elements.count - 2
        while pivot >= 0, !(elements[pivot] < elements[pivot + 1]) { pivot -= 1 }
        guard pivot >= 0 else { return false }
        var successor = elements.count - 1
        while !(elements[pivot] < elements[successor]) { successor -= 1 }
        elements.swapAt(pivot, successor)
        elements[(pivot + 1)...].reverse()
        return true
    }
}
