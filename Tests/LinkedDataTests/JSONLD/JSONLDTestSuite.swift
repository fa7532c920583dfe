import Foundation
import LinkedData
import Primitives
import Testing

/// The W3C JSON-LD 1.1 API test manifests copied into `Vectors/json-ld-api` (see its
/// SOURCES.md): reading entries, deciding scope, running one entry.
enum JSONLDTestSuite {
    /// The base IRI the suite's documents live at; contexts below it are served from the copies.
    static let base = "https://w3c.github.io/json-ld-api/tests/"

    struct Entry: CustomTestStringConvertible, Sendable {
        let manifest: String
        let id: String
        let types: [String]
        let input: String
        let expect: String?
        let expectErrorCode: String?
        let options: JSONObject
        var testDescription: String { manifest + id }

        var isNegative: Bool { types.contains("jld:NegativeEvaluationTest") }
        var isSyntaxOnly: Bool { types.contains("jld:PositiveSyntaxTest") }

        /// Why the entry is out of scope, or `nil` if it is in scope.
        var exclusion: String? {
            if options["specVersion"] == .string("json-ld-1.0") { return "JSON-LD 1.0 only (specVersion json-ld-1.0)" }
            if options["processingMode"] == .string("json-ld-1.0") { return "JSON-LD 1.0 processing mode" }
            return nil
        }
    }

    static func entries(_ manifest: String) -> [Entry] {
        guard let document = try? VectorFiles.json("json-ld-api/\(manifest)-manifest.jsonld"),
              let sequence = document["sequence"]?.arrayValue else { return [] }
        return sequence.map { entry in
            Entry(manifest: manifest, id: entry["@id"]?.stringValue ?? "?",
                  types: entry["@type"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                  input: entry["input"]?.stringValue ?? "", expect: entry["expect"]?.stringValue,
                  expectErrorCode: entry["expectErrorCode"]?.stringValue,
                  options: entry["option"]?.objectValue ?? JSONObject())
        }
    }

    /// Serves the suite's own files for URLs below ``base`` (no network); anything else is an
    /// unknown context.
    struct SuiteLoader: ContextLoader {
        func loadContext(_ url: String) throws -> RemoteContext {
            guard url.hasPrefix(JSONLDTestSuite.base) else { return try BundledContextLoader().loadContext(url) }
            let path = "json-ld-api/" + url.dropFirst(JSONLDTestSuite.base.count)
            guard VectorFiles.exists(path), let document = try? VectorFiles.json(path) else {
                throw LinkedDataError.unknownContext(url)
            }
            return RemoteContext(documentURL: url, document: document)
        }
    }

    static let processor = JSONLDProcessor(loader: SuiteLoader())

    static func options(for entry: Entry) throws -> JSONLDOptions {
        var options = JSONLDOptions(base: entry.options["base"]?.stringValue ?? base + entry.input)
        if let expandContext = entry.options["expandContext"]?.stringValue {
            options.expandContext = try VectorFiles.json("json-ld-api/" + expandContext)
        }
        switch entry.options["rdfDirection"]?.stringValue {
        case "i18n-datatype": options.rdfDirection = .i18nDatatype
        case "compound-literal": options.rdfDirection = .compoundLiteral
        default: break
        }
        options.produceGeneralizedRDF = entry.options["produceGeneralizedRdf"]?.boolValue ?? false
        return options
    }

    /// Runs one entry; `nil` when it passes, otherwise what went wrong.
    static func run(_ entry: Entry) -> String? {
        do {
            let input = try VectorFiles.json("json-ld-api/" + entry.input)
            let options = try options(for: entry)
            if entry.manifest == "expand" {
                let expanded = try processor.expand(input, options: options)
                if entry.isNegative { return "expected error '\(entry.expectErrorCode ?? "")', got a result" }
                let expected = try VectorFiles.json("json-ld-api/" + (entry.expect ?? ""))
                return JSONLDComparison.equal(expanded, expected) ? nil
                    : "expanded \(expanded)\n  expected \(expected)"
            }
            let dataset = try processor.toRDF(input, options: options)
            if entry.isNegative { return "expected error '\(entry.expectErrorCode ?? "")', got a result" }
            if entry.isSyntaxOnly { return nil }
            let expected = try RDFDataset(nQuads: try VectorFiles.text("json-ld-api/" + (entry.expect ?? "")))
            let actualCanonical = try RDFCanonicalizer().canonicalize(dataset).nQuads
            let expectedCanonical = try RDFCanonicalizer().canonicalize(expected).nQuads
            return actualCanonical == expectedCanonical ? nil : "produced\n\(actualCanonical)\n  expected\n\(expectedCanonical)"
        } catch let error as LinkedDataError {
            if entry.isNegative, error.jsonLDErrorCode == entry.expectErrorCode { return nil }
            return "error \(error.jsonLDErrorCode ?? error.code.name): \(error.reason)"
        } catch {
            return "error \(error)"
        }
    }
}

/// JSON-LD object comparison as the test suite defines it: arrays are unordered except the
/// values of `@list`.
enum JSONLDComparison {
    static func equal(_ left: JSONValue, _ right: JSONValue, ordered: Bool = false) -> Bool {
        switch (left, right) {
        case let (.array(a), .array(b)):
            guard a.count == b.count else { return false }
            if ordered { return zip(a, b).allSatisfy { equal($0, $1) } }
            var unmatched = b
            for item in a {
                guard let index = unmatched.firstIndex(where: { equal(item, $0) }) else { return false }
                unmatched.remove(at: index)
            }
            return true
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], equal(value, other, ordered: key == "@list") else { return false }
            }
            return true
        case let (.number(a), .number(b)):
            return a == b
        default:
            return left == right
        }
    }
}
