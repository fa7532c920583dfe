import Credentials
import Primitives
import TestVectors
import Testing

/// Runs the official JSON-Schema-Test-Suite files in `specs/vectors/json-schema/` and asserts
/// their published `valid` verdicts. Groups whose schema uses a keyword this module refuses are
/// filtered out and counted, so a change in coverage shows up as a failing count.
struct JSONSchemaTestSuiteTests {
    /// File name, then the number of groups expected to be filtered for unsupported keywords.
    static let files: [(name: String, filteredGroups: Int)] = [
        ("type", 0), ("required", 0), ("minLength", 0), ("pattern", 0), ("date", 0),
    ]

    @Test("Every supported case of the official test suite gets the published verdict",
          arguments: files.map(\.name))
    func suiteFile(name: String) throws {
        let groups = try #require(try JSONValue(parsing: Vectors.text("json-schema/\(name).json")).arrayValue)
        var filtered = 0
        var cases = 0
        for group in groups {
            let schemaDocument = try #require(group["schema"])
            let schema: CredentialSchema
            do {
                schema = try CredentialSchema(schemaDocument)
            } catch let error as CredentialsError where error.code == .invalidSchema {
                filtered += 1
                continue
            }
            for test in try #require(group["tests"]?.arrayValue) {
                let data = try #require(test["data"])
                let expected = try #require(test["valid"]?.boolValue as Bool?)
                let label = "\(group["description"]?.stringValue ?? "") / \(test["description"]?.stringValue ?? "")"
                #expect(schema.accepts(data) == expected, "\(name): \(label)")
                cases += 1
            }
        }
        let expectedFiltered = try #require(Self.files.first { $0.name == name }).filteredGroups
        #expect(filtered == expectedFiltered, "\(name): filtered \(filtered) groups for unsupported keywords")
        #expect(cases > 0)
    }
}
