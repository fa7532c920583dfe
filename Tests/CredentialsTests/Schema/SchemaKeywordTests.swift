import Credentials
import Primitives
import Testing

/// Each supported keyword, on one value it accepts and one it refuses.
struct SchemaKeywordTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let schema: String
        let valid: JSONValue
        let invalid: JSONValue
        let keyword: String
        var testDescription: String { keyword }
    }

    static let cases: [Case] = [
        Case(schema: #"{"type": "string"}"#, valid: "a", invalid: 1, keyword: "type"),
        Case(schema: #"{"type": ["null", "boolean"]}"#, valid: nil, invalid: "a", keyword: "type"),
        Case(schema: #"{"enum": ["BSc", "MSc", 3]}"#, valid: 3, invalid: "PhD", keyword: "enum"),
        Case(schema: #"{"const": {"a": [1]}}"#, valid: ["a": [1.0]], invalid: ["a": [true]], keyword: "const"),
        Case(schema: #"{"const": null}"#, valid: nil, invalid: false, keyword: "const"),
        Case(schema: #"{"minLength": 2}"#, valid: "é€", invalid: "😀", keyword: "minLength"),
        Case(schema: #"{"maxLength": 2}"#, valid: "😀😀", invalid: "abc", keyword: "maxLength"),
        Case(schema: #"{"pattern": "[0-9]{3}"}"#, valid: "ab123cd", invalid: "ab12", keyword: "pattern"),
        Case(schema: #"{"minimum": 1900}"#, valid: 1900, invalid: 1899.5, keyword: "minimum"),
        Case(schema: #"{"maximum": 2100}"#, valid: 2100, invalid: 2101, keyword: "maximum"),
        Case(schema: #"{"exclusiveMinimum": 0}"#, valid: 0.001, invalid: 0, keyword: "exclusiveMinimum"),
        Case(schema: #"{"exclusiveMaximum": 5}"#, valid: 4.99, invalid: 5, keyword: "exclusiveMaximum"),
        Case(schema: #"{"multipleOf": 0.01}"#, valid: 19.99, invalid: 19.995, keyword: "multipleOf"),
        Case(schema: #"{"minItems": 1}"#, valid: [1], invalid: [], keyword: "minItems"),
        Case(schema: #"{"maxItems": 1}"#, valid: [1], invalid: [1, 2], keyword: "maxItems"),
        Case(schema: #"{"uniqueItems": true}"#, valid: [1, "1", true], invalid: [1, 1.0], keyword: "uniqueItems"),
        Case(schema: #"{"items": {"type": "integer"}}"#, valid: [1, 2.0], invalid: [1, 2.5], keyword: "type"),
        Case(schema: #"{"required": ["name"]}"#, valid: ["name": "x"], invalid: ["nome": "x"], keyword: "required"),
        Case(schema: #"{"properties": {"n": {"type": "string"}}}"#, valid: ["n": "x", "m": 1], invalid: ["n": 1], keyword: "type"),
        Case(schema: #"{"properties": {"n": {}}, "additionalProperties": false}"#, valid: ["n": 1],
             invalid: ["n": 1, "extra": 2], keyword: "additionalProperties"),
        Case(schema: #"{"additionalProperties": {"type": "string"}}"#, valid: ["a": "x"], invalid: ["a": 1], keyword: "type"),
        Case(schema: #"{"format": "date"}"#, valid: "2024-02-29", invalid: "2023-02-29", keyword: "format"),
        Case(schema: #"{"format": "date-time"}"#, valid: "2024-06-01T12:30:00.5+08:00", invalid: "2024-06-01 12:30:00Z", keyword: "format"),
        Case(schema: #"{"format": "email"}"#, valid: "registrar@uni.example.edu", invalid: "registrar@@uni", keyword: "format"),
        Case(schema: #"{"format": "uri"}"#, valid: "did:weid:1:0xabc#key-1", invalid: "/relative/path", keyword: "format"),
    ]

    @Test("Each keyword accepts a conforming value and reports a violation for a non-conforming one", arguments: cases)
    func keyword(_ testCase: Case) throws {
        let schema = try CredentialSchema(parsing: testCase.schema)
        #expect(schema.validate(testCase.valid).isEmpty)
        let violations = schema.validate(testCase.invalid)
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == testCase.keyword)
        #expect(violations.first?.reason.isEmpty == false)
    }

    @Test("A number with a zero fractional part is an integer, as JSON Schema requires")
    func integerVersusNumber() throws {
        let integer = try CredentialSchema(parsing: #"{"type": "integer"}"#)
        #expect(integer.accepts(1.0))
        #expect(integer.accepts(-0.0))
        #expect(integer.accepts(1e20))
        #expect(!integer.accepts(1.5))
        let number = try CredentialSchema(parsing: #"{"type": "number"}"#)
        #expect(number.accepts(1.5))
        #expect(number.accepts(1))
        #expect(!number.accepts("1"))
    }

    @Test("Keywords for other types ignore the value")
    func keywordsIgnoreOtherTypes() throws {
        let schema = try CredentialSchema(parsing: #"{"minLength": 3, "minimum": 5, "minItems": 2, "required": ["a"], "format": "email"}"#)
        for value: JSONValue in [nil, true, ["a": 1], [1, 2], "abc@d.e", 7] {
            #expect(schema.accepts(value), "\(value)")
        }
    }

    @Test("A pattern that backtracks catastrophically on a value fails it as too costly, at once, instead of holding the verifier")
    func catastrophicPattern() throws {
        let schema = try CredentialSchema(parsing: #"{"type": "string", "pattern": "^(a+)+$"}"#)
        #expect(schema.accepts(.string(String(repeating: "a", count: 40))))
        // About 2^40 backtracking steps without the work limit: the test would not end.
        let violations = schema.validate(.string(String(repeating: "a", count: 40) + "!"))
        #expect(violations.count == 1)
        #expect(violations.first?.keyword == "pattern")
        #expect(violations.first?.reason.contains("more work than allowed") == true)
        // A value the pattern refuses cheaply is an ordinary mismatch.
        #expect(schema.validate("b").first?.reason.contains("Does not match") == true)
    }
}
