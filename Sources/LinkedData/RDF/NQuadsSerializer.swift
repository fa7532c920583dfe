/// Writes quads in the canonical N-Quads form RDFC-1.0 hashes and outputs: terms separated by
/// one space, no datatype on `xsd:string` literals, only `\"`, `\\`, `\n`, `\r`, `\t`, `\b`,
/// `\f` as ECHAR and other control characters as `\uXXXX` (upper-case hex), everything else as
/// UTF-8.
enum NQuadsSerializer {
    /// Appends one quad and its line feed, writing blank nodes through `label` (the label to
    /// write for a blank node, without `_:`).
    static func append(_ quad: Quad, to output: inout [UInt8], label: (BlankNode) -> String = { $0.identifier }) {
        append(quad.subject, to: &output, label: label)
        output.append(0x20)
        append(quad.predicate, to: &output, label: label)
        output.append(0x20)
        append(quad.object, to: &output, label: label)
        if let graph = quad.graph {
            output.append(0x20)
            append(graph, to: &output, label: label)
        }
        output.append(contentsOf: [0x20, UInt8(ascii: "."), 0x0A])
    }

    /// Appends one term.
    static func append(_ term: RDFTerm, to output: inout [UInt8], label: (BlankNode) -> String) {
        switch term {
        case .iri(let iri):
            output.append(UInt8(ascii: "<"))
            output.append(contentsOf: iri.utf8)
            output.append(UInt8(ascii: ">"))
        case .blankNode(let node):
            output.append(contentsOf: "_:".utf8)
            output.append(contentsOf: label(node).utf8)
        case .literal(let literal):
            output.append(UInt8(ascii: "\""))
            appendEscaped(literal.lexicalForm, to: &output)
            output.append(UInt8(ascii: "\""))
            if let language = literal.language {
                output.append(UInt8(ascii: "@"))
                output.append(contentsOf: language.utf8)
            } else if literal.datatype != Literal.xsdString {
                output.append(contentsOf: "^^<".utf8)
                output.append(contentsOf: literal.datatype.utf8)
                output.append(UInt8(ascii: ">"))
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00...0x1F, 0x7F:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                           hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            default: output.append(byte)
            }
        }
    }
}
