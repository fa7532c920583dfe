import Credentials
import Primitives
import Testing

/// A realistic credential schema, as a university would register it, with subjects that pass
/// and subjects that fail in one or several ways at once.
struct DiplomaSchemaTests {
    static let schemaText = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://registrar.example.edu/cpt/diploma/1",
          "title": "University diploma",
          "type": "object",
          "properties": {
            "id": {"type": "string", "format": "uri"},
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "email": {"type": "string", "format": "email"},
            "degree": {
              "type": "object",
              "properties": {
                "type": {"enum": ["BachelorDegree", "MasterDegree", "DoctoralDegree"]},
                "name": {"type": "string", "pattern": "^(Bachelor|Master|Doctor) of "},
                "year": {"type": "integer", "minimum": 1900, "maximum": 2100}
              },
              "required": ["type", "name"],
              "additionalProperties": false
            },
            "year": {"type": "integer", "minimum": 1900, "maximum": 2100},
            "issued": {"type": "string", "format": "date"},
            "honours": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "maxItems": 3}
          },
          "required": ["id", "name", "degree", "year", "issued"],
          "additionalProperties": false
        }
        """

    static let validSubject: JSONValue = [
        "id": "did:weid:1:0x5f3c3ab2e0f8b2a6f14c8e9a",
        "name": "Zhang Wei",
        "email": "zhang.wei@alumni.example.edu",
        "degree": ["type": "BachelorDegree", "name": "Bachelor of Science and Arts", "year": 2024.0],
        "year": 2024,
        "issued": "2024-06-28",
        "honours": ["cum laude"],
    ]

    private func subject(_ change: (inout JSONObject) -> Void) throws -> JSONValue {
        var object = try #require(Self.validSubject.objectValue)
        change(&object)
        return .object(object)
    }

    @Test("A complete diploma subject is valid")
    func valid() throws {
        let schema = try CredentialSchema(parsing: Self.schemaText)
        #expect(schema.validate(Self.validSubject) == [])
        #expect(schema.title == "University diploma")
    }

    @Test("A violation inside a nested object carries the nested JSON pointer")
    func nestedPointer() throws {
        let schema = try CredentialSchema(parsing: Self.schemaText)
        let bad = try subject { $0["degree"] = ["type": "MasterDegree", "name": "Master of Laws", "year": 2024.5] }
        let violations = schema.validate(bad)
        #expect(violations.map(\.instancePointer) == ["/degree/year"])
        #expect(violations.first?.keyword == "type")
        #expect(violations.first?.schemaPointer == "/properties/degree/properties/year/type")
    }

    @Test("A violation inside an array carries the element index")
    func arrayPointer() throws {
        let schema = try CredentialSchema(parsing: Self.schemaText)
        let bad = try subject { $0["honours"] = ["cum laude", 7] }
        #expect(schema.validate(bad).map(\.instancePointer) == ["/honours/1"])
    }

    @Test("Every violation is reported, not just the first")
    func allViolations() throws {
        let schema = try CredentialSchema(parsing: Self.schemaText)
        let bad = try subject {
            _ = $0.removeValue(forKey: "id")
            $0["name"] = ""
            $0["email"] = "not-an-email"
            $0["degree"] = ["type": "Diploma", "name": "BSc", "grade": "A"]
            $0["year"] = 1850
            $0["issued"] = "2024-02-30"
            $0["nickname"] = "Wei"
        }
        let found = Set(schema.validate(bad).map { "\($0.instancePointer) \($0.keyword)" })
        #expect(found == [
            " required", "/name minLength", "/email format", "/degree/type enum", "/degree/name pattern",
            "/degree/grade additionalProperties", "/year minimum", "/issued format", "/nickname additionalProperties",
        ])
    }

    @Test("Wrong kinds of subject are refused with a type violation at the root")
    func wrongRoot() throws {
        let schema = try CredentialSchema(parsing: Self.schemaText)
        let violations = schema.validate(["not", "an", "object"])
        #expect(violations.count == 1)
        #expect(violations.first?.instancePointer == "")
        #expect(violations.first?.keyword == "type")
    }

    @Test("Member names with slash and tilde are escaped in pointers per RFC 6901")
    func pointerEscaping() throws {
        let schema = try CredentialSchema(parsing: #"{"additionalProperties": {"type": "string"}}"#)
        #expect(schema.validate(["a/b~c": 1]).first?.instancePointer == "/a~1b~0c")
    }
}
