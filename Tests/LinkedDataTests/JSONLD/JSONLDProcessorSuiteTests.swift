import LinkedData
import Primitives
import Testing

/// The W3C JSON-LD 1.1 API `expand` and `toRdf` manifests (Vectors/json-ld-api).
///
/// Scope (JSON-LD 1.1 processing, contexts from the bundled set or the suite's own files served
/// by a test loader, never the network):
/// - expand: 385 entries; 367 in scope, all passing. Left out: 9 marked `specVersion
///   json-ld-1.0` and 9 run in `processingMode json-ld-1.0` (1.0-only behaviour).
/// - toRdf: 467 entries; 448 in scope, all passing. Left out: 11 marked `specVersion
///   json-ld-1.0` and 8 run in `processingMode json-ld-1.0`.
/// No entry of these two manifests needs a remote document other than the suite's own files.
/// Expected toRdf output is compared after canonicalizing both datasets with RDFC-1.0 (blank
/// node labels are arbitrary); expand output as the suite says, arrays unordered except `@list`.
/// Negative entries must fail with the specification's error code.
@Suite("JSON-LD 1.1 API test suite (expand, toRdf)")
struct JSONLDProcessorSuiteTests {
    static let expand = JSONLDTestSuite.entries("expand")
    static let toRdf = JSONLDTestSuite.entries("toRdf")

    @Test("every in-scope expand test passes", arguments: expand.filter { $0.exclusion == nil })
    func expandEntry(entry: JSONLDTestSuite.Entry) {
        check(entry)
    }

    @Test("every in-scope toRdf test passes", arguments: toRdf.filter { $0.exclusion == nil })
    func toRdfEntry(entry: JSONLDTestSuite.Entry) {
        check(entry)
    }

    /// Runs the entry twice: the second run takes its contexts from the processor's cache.
    private func check(_ entry: JSONLDTestSuite.Entry) {
        let first = JSONLDTestSuite.run(entry)
        let second = JSONLDTestSuite.run(entry)
        let failure = first ?? second
        #expect(failure == nil, Comment(rawValue: failure ?? ""))
    }

    @Test("the scope counts written above hold")
    func scopeCounts() {
        #expect(Self.expand.count == 385)
        #expect(Self.expand.filter { $0.exclusion == nil }.count == 367)
        #expect(Self.toRdf.count == 467)
        #expect(Self.toRdf.filter { $0.exclusion == nil }.count == 448)
    }
}
