import Foundation
import LinkedData
import Primitives
import Testing

/// The W3C RDFC-1.0 test suite (Vectors/rdf-canon, see its SOURCES.md): 64 eval tests, 21 map
/// tests and 1 negative test, all run.
@Suite("RDF Dataset Canonicalization (RDFC-1.0)")
struct RDFCanonicalizerTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        let id: String
        let type: String
        let action: String
        let result: String?
        let hashAlgorithm: CanonicalizationHashAlgorithm
        var testDescription: String { id }
    }

    static let entries: [Entry] = {
        guard let manifest = try? VectorFiles.json("rdf-canon/manifest.jsonld"),
              let list = manifest["entries"]?.arrayValue else { return [] }
        return list.map { entry in
            Entry(id: entry["id"]?.stringValue ?? "?", type: entry["type"]?.stringValue ?? "?",
                  action: entry["action"]?.stringValue ?? "", result: entry["result"]?.stringValue,
                  hashAlgorithm: entry["hashAlgorithm"]?.stringValue == "SHA384" ? .sha384 : .sha256)
        }
    }()

    @Test("the manifest lists 64 eval, 21 map and 1 negative test")
    func manifestCounts() {
        #expect(Self.entries.filter { $0.type == "rdfc:RDFC10EvalTest" }.count == 64)
        #expect(Self.entries.filter { $0.type == "rdfc:RDFC10MapTest" }.count == 21)
        #expect(Self.entries.filter { $0.type == "rdfc:RDFC10NegativeEvalTest" }.count == 1)
    }

    @Test("every eval test gives the expected canonical N-Quads",
          arguments: entries.filter { $0.type == "rdfc:RDFC10EvalTest" })
    func eval(entry: Entry) throws {
        let input = try RDFDataset(nQuads: try VectorFiles.text("rdf-canon/" + entry.action))
        let expected = try VectorFiles.text("rdf-canon/" + (entry.result ?? ""))
        let canonical = try RDFCanonicalizer(hashAlgorithm: entry.hashAlgorithm).canonicalize(input)
        #expect(canonical.nQuads == expected)
    }

    @Test("every map test gives the expected issued identifiers map",
          arguments: entries.filter { $0.type == "rdfc:RDFC10MapTest" })
    func map(entry: Entry) throws {
        let input = try RDFDataset(nQuads: try VectorFiles.text("rdf-canon/" + entry.action))
        let expected = try VectorFiles.json("rdf-canon/" + (entry.result ?? ""))
        let canonical = try RDFCanonicalizer(hashAlgorithm: entry.hashAlgorithm).canonicalize(input)
        let actual = JSONValue.object(JSONObject(canonical.issuedIdentifiers.map { ($0.key, JSONValue.string($0.value)) }))
        #expect(actual == expected)
    }

    @Test("every negative test (poison graph) is refused by the work limit in bounded time",
          arguments: entries.filter { $0.type == "rdfc:RDFC10NegativeEvalTest" })
    func poison(entry: Entry) throws {
        let input = try RDFDataset(nQuads: try VectorFiles.text("rdf-canon/" + entry.action))
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: LinkedDataError.workLimitExceeded("")) {
            try RDFCanonicalizer(hashAlgorithm: entry.hashAlgorithm).canonicalize(input)
        }
        // Well under a tenth of a second in a release build; the limit counts work, not time, so
        // this bound only catches a limit that no longer applies, with room for a debug build on
        // a machine loaded many times over.
        #expect(clock.now - start < .seconds(60))
    }

    @Test("tight limits refuse the clique at once: the limits, not the graph, bound the work")
    func tightLimits() throws {
        // The eval tests run with the default limits (see `eval`), so those admit the suite.
        let clique = try RDFDataset(nQuads: try VectorFiles.text("rdf-canon/rdfc10/test074-in.nq"))
        let tight = RDFCanonicalizer(limits: CanonicalizationLimits(maxHashNDegreeQuadsCalls: 10, maxPermutations: 10))
        #expect(throws: LinkedDataError.workLimitExceeded("")) { try tight.canonicalize(clique) }
    }

    @Test("a dataset whose blank nodes first-degree hashes tell apart is labelled without N-degree work")
    func uniqueHashesNeedNoNDegreeWork() throws {
        let dataset = try RDFDataset(nQuads: """
            _:x <urn:p> "one" .
            _:y <urn:p> "two" .
            _:x <urn:q> _:y .
            """)
        let none = RDFCanonicalizer(limits: CanonicalizationLimits(maxHashNDegreeQuadsCalls: 0, maxPermutations: 0))
        let canonical = try none.canonicalize(dataset)
        #expect(Set(canonical.issuedIdentifiers.values) == ["c14n0", "c14n1"])
    }

    @Test("SHA-384 changes the labels' hashes but the result is still canonical for the SHA-384 vector")
    func sha384() throws {
        let input = try RDFDataset(nQuads: try VectorFiles.text("rdf-canon/rdfc10/test075-in.nq"))
        let expected = try VectorFiles.text("rdf-canon/rdfc10/test075-rdfc10.nq")
        #expect(try RDFCanonicalizer(hashAlgorithm: .sha384).canonicalize(input).nQuads == expected)
    }
}
