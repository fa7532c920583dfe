#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Primitives

extension JSONLDEngine {
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    /// Deserialize JSON-LD to RDF (JSON-LD 1.1 API section 8.1.2) over a node map.
    func toRDF(_ nodeMap: NodeMap) -> RDFDataset {
        var dataset = RDFDataset()
        var blankNodes = nodeMap
        for graphName in nodeMap.graphOrder {
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else if let term = Self.subjectTerm(graphName) {
                graphTerm = term
            } else {
                continue
            }
            let graph = nodeMap.graphs[graphName]!
            for id in graph.order {
                guard let subject = Self.subjectTerm(id) else { continue }
                let node = graph.nodes[id]!
                for type in node.types {
                    guard let object = Self.subjectTerm(type) else { continue }
                    dataset.insert(Quad(subject: subject, predicate: .iri(Self.rdf + "type"), object: object, graph: graphTerm))
                }
                for property in node.propertyOrder {
                    let predicate: RDFTerm
                    if Keywords.isBlankNodeIdentifier(property) {
                        guard options.produceGeneralizedRDF else { continue }
                        predicate = .blankNode(BlankNode(String(property.dropFirst(2))))
                    } else if Keywords.isKeyword(property) || !IRI.isWellFormed(property) {
                        continue
                    } else {
                        predicate = .iri(property)
                    }
                    for item in node.properties[property]! {
                        var extra: [Quad] = []
                        if let object = objectTerm(item, graph: graphTerm, quads: &extra, nodeMap: &blankNodes) {
                            dataset.insert(Quad(subject: subject, predicate: predicate, object: object, graph: graphTerm))
                        }
                        for quad in extra { dataset.insert(quad) }
                    }
                }
            }
        }
        return dataset
    }

    /// An IRI or blank node for a node identifier, or `nil` if it is neither (a relative IRI).
    static func subjectTerm(_ id: String) -> RDFTerm? {
        if Keywords.isBlankNodeIdentifier(id) { return .blankNode(BlankNode(String(id.dropFirst(2)))) }
        return IRI.isWellFormed(id) ? .iri(id) : nil
    }

    /// Object to RDF (section 8.1.3) and List to RDF (section 8.1.4).
    private func objectTerm(_ item: NodeMap.Item, graph: RDFTerm?, quads: inout [Quad], nodeMap: inout NodeMap) -> RDFTerm? {
        switch item {
        case .reference(let id):
            return Self.subjectTerm(id)
        case .list(let items):
            if items.isEmpty { return .iri(Self.rdf + "nil") }
            let labels = items.map { _ in nodeMap.blankNodeIdentifier(nil) }
            for (position, element) in items.enumerated() {
                let subject = RDFTerm.blankNode(BlankNode(String(labels[position].dropFirst(2))))
                var nested: [Quad] = []
                if let object = objectTerm(element, graph: graph, quads: &nested, nodeMap: &nodeMap) {
                    quads.append(Quad(subject: subject, predicate: .iri(Self.rdf + "first"), object: object, graph: graph))
                }
                quads.append(contentsOf: nested)
                let rest: RDFTerm = position + 1 < labels.count
                    ? .blankNode(BlankNode(String(labels[position + 1].dropFirst(2)))) : .iri(Self.rdf + "nil")
                quads.append(Quad(subject: subject, predicate: .iri(Self.rdf + "rest"), object: rest, graph: graph))
            }
            return .blankNode(BlankNode(String(labels[0].dropFirst(2))))
        case .value(let object):
            return literalTerm(object, graph: graph, quads: &quads, nodeMap: &nodeMap)
        }
    }

    private func literalTerm(_ item: JSONObject, graph: RDFTerm?, quads: inout [Quad], nodeMap: inout NodeMap) -> RDFTerm? {
        guard let value = item["@value"] else { return nil }
        var datatype = item["@type"]?.stringValue
        if let datatype, datatype != "@json", !IRI.isWellFormed(datatype) { return nil }
        let language = item["@language"]?.stringValue
        if let language, !Self.isWellFormedLanguage(language) { return nil }
        let lexical: String
        if datatype == "@json" {
            lexical = String(decoding: JCS.canonicalize(value), as: UTF8.self)
            datatype = Self.rdf + "JSON"
        } else {
            switch value {
            case .bool(let flag):
                lexical = flag ? "true" : "false"
                if datatype == nil { datatype = Self.xsd + "boolean" }
            case .number(let number):
                if number.rounded(.towardZero) != number || number.magnitude >= 1e21 || datatype == Self.xsd + "double" {
                    lexical = Self.canonicalDouble(number)
                    if datatype == nil { datatype = Self.xsd + "double" }
                } else {
                    lexical = ECMAScriptNumber.string(number)
                    if datatype == nil { datatype = Self.xsd + "integer" }
                }
            case .string(let string):
                lexical = string
            default:
                return nil
            }
        }
        if let direction = item["@direction"]?.stringValue, let mode = options.rdfDirection {
            let tag = (language ?? "").lowercased()
            switch mode {
            case .i18nDatatype:
                return .literal(Literal(lexical, datatype: "https://www.w3.org/ns/i18n#\(tag)_\(direction)"))
            case .compoundLiteral:
                let node = RDFTerm.blankNode(BlankNode(String(nodeMap.blankNodeIdentifier(nil).dropFirst(2))))
                quads.append(Quad(subject: node, predicate: .iri(Self.rdf + "value"), object: .literal(Literal(lexical)), graph: graph))
                if let language {
                    quads.append(Quad(subject: node, predicate: .iri(Self.rdf + "language"),
                                      object: .literal(Literal(language.lowercased())), graph: graph))
                }
                quads.append(Quad(subject: node, predicate: .iri(Self.rdf + "direction"),
                                  object: .literal(Literal(direction)), graph: graph))
                return node
            }
        }
        if let language {
            return .literal(Literal(lexical, language: language))
        }
        return .literal(Literal(lexical, datatype: datatype ?? Literal.xsdString))
    }

    /// The canonical `xsd:double` form JSON-LD implementations write: ECMAScript's
    /// `toExponential(15)` with trailing zeros of the mantissa removed and `E` for `e+` (`1.1E0`,
    /// `1.0E21`, `-5.0E-1`).
    static func canonicalDouble(_ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.15E", $0) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        while mantissa.hasSuffix("0"), !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        let negative = exponent.hasPrefix("-")
        exponent = String(exponent.drop { $0 == "+" || $0 == "-" })
        while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "E" + (negative ? "-" : "") + exponent
    }

    /// A BCP 47 language tag in form: letters, then `-`-separated alphanumeric subtags.
    static func isWellFormedLanguage(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count),
              first.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            }
        }
    }
}
