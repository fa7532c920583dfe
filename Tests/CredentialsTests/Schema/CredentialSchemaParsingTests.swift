import Credentials
import Primitives
import Testing

struct CredentialSchemaParsingTests {
    private func refusal(_ text: String, limits: SchemaLimits = .default) -> CredentialsError? {
        do {
            _ = try CredentialSchema(parsing: text, limits: limits)
            return nil
        } catch {
            return error as? CredentialsError
        }
    }

    @Test("An unknown keyword is refused with its name and JSON pointer")
    func unknownKeyword() throws {
        let error = try #require(refusal(#"{"properties": {"a/b": {"allOf": [true]}}}"#))
        #expect(error.code == .invalidSchema)
        #expect(error.reason.contains("'allOf'"))
        #expect(error.reason.contains("/properties/a~1b/allOf"))
    }

    @Test("An unknown format is refused at parse time, not ignored")
    func unknownFormat() throws {
        let error = try #require(refusal(#"{"properties": {"id": {"format": "uuid"}}}"#))
        #expect(error.code == .invalidSchema)
        #expect(error.reason.contains("'uuid'"))
        #expect(error.reason.contains("/properties/id/format"))
    }

    @Test("A pattern that does not compile is refused")
    func badPattern() {
        #expect(refusal(#"{"pattern": "(unclosed"}"#)?.code == .invalidSchema)
    }

    @Test("Malformed keyword values are refused", arguments: [
        #"{"type": "float"}"#, #"{"type": []}"#, #"{"type": ["string", "string"]}"#, #"{"minLength": -1}"#,
        #"{"maxLength": 1.5}"#, #"{"required": ["a", "a"]}"#, #"{"required": [1]}"#, #"{"enum": 3}"#,
        #"{"minimum": "0"}"#, #"{"multipleOf": 0}"#, #"{"uniqueItems": 1}"#, #"{"items": 3}"#,
        #"{"$schema": "http://json-schema.org/draft-07/schema#"}"#, #"{"title": 3}"#, #"[]"#, #"{"a": "#,
    ])
    func malformedValues(text: String) {
        #expect(refusal(text)?.code == .invalidSchema)
    }

    @Test("Schemas nested deeper than the limit are refused")
    func depthLimit() throws {
        let deep = String(repeating: #"{"items": "#, count: 5) + "true" + String(repeating: "}", count: 5)
        #expect(refusal(deep, limits: SchemaLimits(maxDepth: 4))?.reason.contains("deeper") == true)
        #expect(refusal(deep, limits: SchemaLimits(maxDepth: 5)) == nil)
    }

    @Test("Schemas with more subschemas and values than the limit are refused")
    func sizeLimit() throws {
        let big = #"{"enum": ["# + (0..<50).map { "\"v\($0)\"" }.joined(separator: ",") + "]}"
        #expect(refusal(big, limits: SchemaLimits(maxNodes: 40))?.reason.contains("limit") == true)
        #expect(refusal(big, limits: SchemaLimits(maxNodes: 60)) == nil)
    }

    @Test("Annotations are accepted and exposed")
    func annotations() throws {
        let schema = try CredentialSchema(parsing: """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/cpt/1",
             "title": "Diploma", "description": "A university diploma."}
            """)
        #expect(schema.id == "https://example.org/cpt/1")
        #expect(schema.title == "Diploma")
        #expect(schema.accepts(["anything": true]))
    }

    @Test("Boolean schemas accept everything or nothing")
    func booleanSchemas() throws {
        #expect(try CredentialSchema(true).accepts([1, "x"]))
        let none = try CredentialSchema(false).validate("x")
        #expect(none.count == 1)
        #expect(none.first?.keyword == "false")
    }
}
