import LinkedData
import Testing

@Suite("N-Quads parsing and canonical serialization")
struct NQuadsTests {
    @Test("escapes in literals and IRIs are read and written in the canonical form")
    func escaping() throws {
        let dataset = try RDFDataset(nQuads: #"<urn:s\u0041> <urn:p> "a\u0009b\"c\\d\u0001\U0001F303" <urn:g> ."#)
        #expect(dataset.quads.first?.subject == .iri("urn:sA"))
        #expect(dataset.nQuads() == "<urn:sA> <urn:p> \"a\\tb\\\"c\\\\d\\u0001🌃\" <urn:g> .\n")
    }

    @Test("language tags and datatypes are kept; xsd:string is written as a simple literal")
    func literals() throws {
        let dataset = try RDFDataset(nQuads: """
            _:b0 <urn:p> "x"@en-GB .
            _:b0 <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:b0 <urn:p> "y"^^<http://www.w3.org/2001/XMLSchema#string> .
            """)
        #expect(dataset.nQuads() == """
            _:b0 <urn:p> "x"@en-GB .
            _:b0 <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:b0 <urn:p> "y" .

            """)
    }

    @Test("a repeated quad is kept once")
    func duplicates() throws {
        #expect(try RDFDataset(nQuads: "<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> <urn:o> .\n").count == 1)
    }

    @Test("text that is not N-Quads is refused with the line number")
    func malformed() {
        #expect(throws: LinkedDataError.invalidNQuads("")) { try RDFDataset(nQuads: "<urn:s> <urn:p> .") }
        #expect(throws: LinkedDataError.invalidNQuads("")) { try RDFDataset(nQuads: "<urn:s> \"p\" <urn:o> .") }
        #expect(throws: LinkedDataError.invalidNQuads("")) { try RDFDataset(nQuads: "<urn:s> <urn:p> \"o") }
    }
}
