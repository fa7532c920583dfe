/// Reads RDF 1.1 N-Quads: IRIs (with UCHAR escapes), blank node labels, literals (with ECHAR
/// and UCHAR escapes, language tags or datatypes), an optional graph label and comments.
struct NQuadsParser {
    private let input: [UInt8]
    private var offset = 0
    private var line = 1

    private init(_ text: String) {
        input = Array(text.utf8)
    }

    /// The quads of `text`, in order (duplicates included).
    static func parse(_ text: String) throws -> [Quad] {
        var parser = NQuadsParser(text)
        var quads: [Quad] = []
        while true {
            parser.skipSpaceAndComments()
            guard parser.offset < parser.input.count else { return quads }
            quads.append(try parser.parseQuad())
        }
    }

    private func failure(_ expected: String) -> LinkedDataError {
        LinkedDataError.invalidNQuads("Line \(line): expected \(expected).")
    }

    private mutating func skipSpaceAndComments() {
        while offset < input.count {
            switch input[offset] {
            case 0x20, 0x09: offset += 1
            case 0x0A, 0x0D:
                if input[offset] == 0x0A { line += 1 }
                offset += 1
            case UInt8(ascii: "#"):
                while offset < input.count, input[offset] != 0x0A, input[offset] != 0x0D { offset += 1 }
            default: return
            }
        }
    }

    private mutating func skipInlineSpace() {
        while offset < input.count, input[offset] == 0x20 || input[offset] == 0x09 { offset += 1 }
    }

    private mutating func parseQuad() throws -> Quad {
        let subject = try parseTerm(allowLiteral: false)
        skipInlineSpace()
        guard offset < input.count, input[offset] == UInt8(ascii: "<") else { throw failure("a predicate IRI") }
        let predicate = try parseTerm(allowLiteral: false)
        skipInlineSpace()
        let object = try parseTerm(allowLiteral: true)
        skipInlineSpace()
        var graph: RDFTerm?
        if offset < input.count, input[offset] != UInt8(ascii: ".") {
            graph = try parseTerm(allowLiteral: false)
            skipInlineSpace()
        }
        guard offset < input.count, input[offset] == UInt8(ascii: ".") else { throw failure("'.' ending the statement") }
        offset += 1
        skipInlineSpace()
        if offset < input.count, input[offset] == UInt8(ascii: "#") {
            while offset < input.count, input[offset] != 0x0A, input[offset] != 0x0D { offset += 1 }
        }
        guard offset == input.count || input[offset] == 0x0A || input[offset] == 0x0D else {
            throw failure("the end of the line after '.'")
        }
        return Quad(subject: subject, predicate: predicate, object: object, graph: graph)
    }

    private mutating func parseTerm(allowLiteral: Bool) throws -> RDFTerm {
        guard offset < input.count else { throw failure("a term") }
        switch input[offset] {
        case UInt8(ascii: "<"): return .iri(try parseIRI())
        case UInt8(ascii: "_"): return .blankNode(try parseBlankNode())
        case UInt8(ascii: "\"") where allowLiteral: return .literal(try parseLiteral())
        default: throw failure(allowLiteral ? "an IRI, a blank node or a literal" : "an IRI or a blank node")
        }
    }

    private mutating func parseIRI() throws -> String {
        offset += 1
        var bytes: [UInt8] = []
        while true {
            guard offset < input.count else { throw failure("'>' closing the IRI") }
            let byte = input[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: ">"):
                return String(decoding: bytes, as: UTF8.self)
            case 0x5C:
                guard offset < input.count, input[offset] == UInt8(ascii: "u") || input[offset] == UInt8(ascii: "U") else {
                    throw failure("\\u or \\U in an IRI")
                }
                try appendUCHAR(to: &bytes)
            case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                throw failure("an IRI character")
            default:
                bytes.append(byte)
            }
        }
    }

    private mutating func parseBlankNode() throws -> BlankNode {
        guard offset + 1 < input.count, input[offset + 1] == UInt8(ascii: ":") else { throw failure("'_:'") }
        offset += 2
        let start = offset
        while offset < input.count {
            let byte = input[offset]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: "\"") {
                break
            }
            offset += 1
        }
        // A label cannot end with '.', which belongs to the statement.
        while offset > start, input[offset - 1] == UInt8(ascii: ".") { offset -= 1 }
        guard offset > start else { throw failure("a blank node label") }
        return BlankNode(String(decoding: input[start..<offset], as: UTF8.self))
    }

    private mutating func parseLiteral() throws -> Literal {
        offset += 1
        var bytes: [UInt8] = []
        loop: while true {
            guard offset < input.count else { throw failure("'\"' closing the literal") }
            let byte = input[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): break loop
            case 0x0A, 0x0D: throw failure("'\"' before the end of the line")
            case 0x5C:
                guard offset < input.count else { throw failure("an escape") }
                let escaped = input[offset]
                switch escaped {
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x5C: bytes.append(escaped)
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    try appendUCHAR(to: &bytes)
                    continue loop
                default: throw failure("a valid escape")
                }
                offset += 1
            default: bytes.append(byte)
            }
        }
        let lexicalForm = String(decoding: bytes, as: UTF8.self)
        if offset < input.count, input[offset] == UInt8(ascii: "@") {
            offset += 1
            let start = offset
            while offset < input.count, input[offset] == UInt8(ascii: "-") || isAlphanumeric(input[offset]) { offset += 1 }
            guard offset > start else { throw failure("a language tag") }
            return Literal(lexicalForm, language: String(decoding: input[start..<offset], as: UTF8.self))
        }
        if offset + 1 < input.count, input[offset] == UInt8(ascii: "^"), input[offset + 1] == UInt8(ascii: "^") {
            offset += 2
            guard offset < input.count, input[offset] == UInt8(ascii: "<") else { throw failure("a datatype IRI") }
            return Literal(lexicalForm, datatype: try parseIRI())
        }
        return Literal(lexicalForm)
    }

    private func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Reads `uXXXX` or `UXXXXXXXX` (the offset is at the `u`) and appends the scalar as UTF-8.
    private mutating func appendUCHAR(to bytes: inout [UInt8]) throws {
        let length = input[offset] == UInt8(ascii: "u") ? 4 : 8
        offset += 1
        guard offset + length <= input.count else { throw failure("\(length) hex digits") }
        var value: UInt32 = 0
        for byte in input[offset..<offset + length] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("a hex digit")
            }
            value = value << 4 | digit
        }
        offset += length
        guard let scalar = Unicode.Scalar(value) else { throw failure("a Unicode scalar value") }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
    }
}
