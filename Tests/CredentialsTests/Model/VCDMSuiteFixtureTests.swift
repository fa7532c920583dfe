import Credentials
import Foundation
import Primitives
import TestVectors
import Testing

/// The credential fixtures of the W3C VC Data Model 2.0 test suite (w3c/vc-data-model-2.0-test-suite
/// at 6e075243825f50c79017de4a27089d329c093d0f, copied to `specs/vectors/vcdm2-suite/`), each
/// given the verdict its file name publishes by ``CredentialDataModelValidator`` alone: by syntax,
/// and for four of them by JSON-LD expansion with the bundled contexts.
struct VCDMSuiteFixtureTests {
    /// The issuer the suite's `createRequestBody` fills in.
    static let issuer = "did:example:issuer"
    /// Fixtures that need JSON-LD expansion to decide (see the folder's SOURCES.md), and the
    /// member their refusal names.
    static let needsJSONLD: [String: String] = [
        "credential-redef-type-fail.json": "@context", "credential-redef-type2-fail.json": "@context",
        "credential-type-mapped-nonurl-fail.json": "type", "credential-type-unmapped-fail.json": "type",
    ]

    /// Every fixture file, relative to `specs/vectors/vcdm2-suite/`.
    static func fixtureNames() throws -> [String] {
        let root = Vectors.root.appendingPathComponent("vcdm2-suite")
        let top = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("credential-") && $0.hasSuffix(".json") }
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("names-and-descriptions").path)
            .filter { $0.hasSuffix(".json") }.map { "names-and-descriptions/" + $0 }
        return (top + names).sorted()
    }

    /// A fixture as the suite sends it: `issuer` (or `issuer.id`) filled in unless it is `null`,
    /// the date placeholders replaced with times a year before and after `now`.
    static func credential(_ name: String, issuer: String = issuer, now: Date = Date()) throws -> JSONObject {
        var text = try Vectors.text("vcdm2-suite/\(name)")
        let stamp = ISO8601DateFormatter()
        text = text.replacingOccurrences(of: "PAST DATE", with: stamp.string(from: now.addingTimeInterval(-365 * 86_400)))
            .replacingOccurrences(of: "FUTURE DATE", with: stamp.string(from: now.addingTimeInterval(365 * 86_400)))
        var credential = try #require(try JSONValue(parsing: Array(text.utf8)).objectValue)
        switch credential["issuer"] {
        case nil: credential["issuer"] = .string(issuer)
        case .object(var object)? where object["id"] == nil:
            object["id"] = .string(issuer)
            credential["issuer"] = .object(object)
        default: break
        }
        return credential
    }

    @Test("91 of the suite's 95 credential fixtures are decided by syntax, 4 need JSON-LD")
    func coverage() throws {
        let names = try Self.fixtureNames()
        #expect(names.count == 95)
        #expect(Set(names).isSuperset(of: Self.needsJSONLD.keys))
    }

    @Test("each fixture gets the verdict its name publishes; the JSON-LD ones are refused naming their member", arguments: try fixtureNames())
    func fixture(name: String) throws {
        let validation = CredentialDataModelValidator().validate(try Self.credential(name))
        if name.hasSuffix("-ok.json") {
            #expect(validation.violations.isEmpty, "\(name): \(validation.violations.map(\.reason))")
        } else {
            #expect(!validation.violations.isEmpty, "\(name) was accepted")
        }
        if let member = Self.needsJSONLD[name] {
            #expect(validation.violations.map(\.member) == [member], "\(name): \(validation.violations)")
        }
    }
}
