import Credentials
import Primitives
import Testing

/// Each rule of ``CredentialDataModelValidator``: a credential that meets it and one that fails
/// it, with the member the failure names.
struct CredentialDataModelValidatorTests {
    /// A conforming VC 2.0 credential to vary.
    static let base: JSONObject = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
        "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:subject", "name": "Alice"],
    ]

    /// One rule: a member set to a value that meets it, and to one that fails it naming `member`.
    struct Rule: Sendable, CustomTestStringConvertible {
        let name: String
        let key: String
        let good: JSONValue?
        let bad: JSONValue?
        let member: String
        var testDescription: String { name }
    }

    static let rules: [Rule] = [
        Rule(name: "@context is required", key: "@context", good: ["https://www.w3.org/ns/credentials/v2"], bad: nil, member: "@context"),
        Rule(name: "@context is an array", key: "@context", good: ["https://www.w3.org/ns/credentials/v2", ["ex": "https://example.org/#"]],
             bad: "https://www.w3.org/ns/credentials/v2", member: "@context"),
        Rule(name: "@context starts with the base context", key: "@context", good: ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
             bad: ["https://www.w3.org/ns/credentials/examples/v2"], member: "@context[0]"),
        Rule(name: "later @context items are URLs or objects", key: "@context", good: ["https://www.w3.org/ns/credentials/v2", "https://example.org/v1"],
             bad: ["https://www.w3.org/ns/credentials/v2", "https ://not-a-url"], member: "@context[1]"),
        Rule(name: "id is one URL", key: "id", good: "urn:uuid:5d1e8a7c-0000-4000-8000-000000000001", bad: ["https://a.example", "https://b.example"], member: "id"),
        Rule(name: "type is required", key: "type", good: "VerifiableCredential", bad: nil, member: "type"),
        Rule(name: "type includes VerifiableCredential", key: "type", good: ["https://example.org/#A", "VerifiableCredential"], bad: ["ExampleCredential"], member: "type"),
        Rule(name: "type values are terms or URLs", key: "type", good: ["VerifiableCredential", "https://example.org/#ExampleCredential"], bad: ["VerifiableCredential", 4], member: "type[1]"),
        Rule(name: "type is not empty", key: "type", good: ["VerifiableCredential"], bad: [], member: "type"),
        Rule(name: "issuer is required", key: "issuer", good: "did:example:issuer", bad: nil, member: "issuer"),
        Rule(name: "issuer is a URL", key: "issuer", good: "https://issuer.example", bad: "fake-issuer", member: "issuer"),
        Rule(name: "an issuer object has a URL id", key: "issuer", good: ["id": "did:example:issuer", "name": "Example"], bad: ["id": .null], member: "issuer.id"),
        Rule(name: "issuer is a string or an object", key: "issuer", good: ["id": "did:example:issuer"], bad: [], member: "issuer"),
        Rule(name: "credentialSubject is required", key: "credentialSubject", good: ["name": "Alice"], bad: nil, member: "credentialSubject"),
        Rule(name: "a subject makes a claim", key: "credentialSubject", good: ["id": "did:example:subject"], bad: [:], member: "credentialSubject"),
        Rule(name: "subjects in an array are objects with claims", key: "credentialSubject", good: [["id": "did:example:a"], ["id": "did:example:b"]],
             bad: [["id": "did:example:a"], [:]], member: "credentialSubject[1]"),
        Rule(name: "credentialSubject is an object or objects", key: "credentialSubject", good: [["name": "A"]], bad: "did:example:1234", member: "credentialSubject"),
        Rule(name: "a subject id is one URL", key: "credentialSubject", good: ["id": "did:example:one"], bad: ["id": ["did:example:one", "did:example:two"]],
             member: "credentialSubject.id"),
        Rule(name: "validFrom is a date-time stamp", key: "validFrom", good: "2023-02-25T19:10:39-06:00", bad: "Sat 25 Feb 2023 07:16:31 PM CST", member: "validFrom"),
        Rule(name: "validUntil is a date-time stamp", key: "validUntil", good: "2023-02-26T01:20:18.477Z", bad: "2023-02-26", member: "validUntil"),
        Rule(name: "name is a string or language values", key: "name", good: [["@value": "Dog", "@language": "en"], ["@value": "Chien", "@language": "fr"]],
             bad: ["@value": "Example", "@language": "en", "url": "did:example:x"], member: "name"),
        Rule(name: "description's direction is ltr or rtl", key: "description", good: ["@value": "Example", "@direction": "rtl"],
             bad: ["@value": "Example", "@direction": "up"], member: "description"),
        Rule(name: "credentialStatus entries have a type", key: "credentialStatus", good: ["type": "BitstringStatusListEntry"], bad: ["id": "did:example:status"],
             member: "credentialStatus.type"),
        Rule(name: "credentialStatus types are strings", key: "credentialStatus", good: ["id": "did:example:status", "type": "X"], bad: ["id": "did:example:status", "type": 2],
             member: "credentialStatus.type"),
        Rule(name: "credentialStatus ids are URLs", key: "credentialStatus", good: ["id": "https://example.org/s/1", "type": "X"],
             bad: ["id": "https ://not-a-url/4", "type": "X"], member: "credentialStatus.id"),
        Rule(name: "credentialSchema entries have an id", key: "credentialSchema", good: [["id": "did:example:schemas/1", "type": "JsonSchema"]],
             bad: [["type": "JsonSchema"]], member: "credentialSchema[0].id"),
        Rule(name: "credentialSchema entries have a type", key: "credentialSchema", good: ["id": "urn:chancery:cpt:1000:1", "type": "JsonSchema"],
             bad: ["id": "did:example:schemas/1"], member: "credentialSchema.type"),
        Rule(name: "evidence entries have a type", key: "evidence", good: [["type": "DocumentVerification"]], bad: [:], member: "evidence.type"),
        Rule(name: "termsOfUse entries have a type", key: "termsOfUse", good: ["type": "OdrlPolicy2017", "id": "did:example:terms/1"],
             bad: ["id": "did:example:terms/1"], member: "termsOfUse.type"),
        Rule(name: "refreshService entries have a type", key: "refreshService", good: ["type": "https://example.org/#Refresh", "id": "did:example:refresh/1"],
             bad: ["id": "did:example:refresh/1"], member: "refreshService.type"),
        Rule(name: "proof entries have a type", key: "proof", good: ["type": "DataIntegrityProof"], bad: ["proofPurpose": "assertionMethod"], member: "proof.type"),
        Rule(name: "typed members are objects", key: "evidence", good: ["type": "X"], bad: "evidence", member: "evidence"),
        Rule(name: "relatedResource entries have an id", key: "relatedResource", good: ["id": "https://www.w3.org/ns/credentials/v2", "digestMultibase": "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k"],
             bad: [["digestMultibase": "uJKGMkOmFbVJhEfKTduMC2XCyvRAYLjOVmZWwIH1wQ7k"]], member: "relatedResource[0].id"),
        Rule(name: "relatedResource entries have a digest", key: "relatedResource",
             good: [["id": "https://www.w3.org/ns/credentials/v2", "mediaType": "application/ld+json", "digestSRI": "sha384-NSOcNpmdIVUxIJGvGUoe22FjTWrXiaXlsZ8q6912LdnR3KraQO2n75Ica4wK4Qeg"]],
             bad: [["id": "https://www.w3.org/ns/credentials/v2"]], member: "relatedResource[0]"),
        Rule(name: "relatedResource ids are unique", key: "relatedResource",
             good: [["id": "https://a.example", "digestSRI": "sha256-abc"], ["id": "https://b.example", "digestSRI": "sha256-abc"]],
             bad: [["id": "https://a.example", "digestSRI": "sha256-abc"], ["id": "https://a.example", "digestMultibase": "zabc"]], member: "relatedResource[1].id"),
        Rule(name: "relatedResource entries are objects", key: "relatedResource", good: [["id": "https://a.example", "digestSRI": "sha512-abc"]],
             bad: ["https://a.example"], member: "relatedResource[0]"),
    ]

    static func credential(_ key: String, _ value: JSONValue?) -> JSONObject {
        var credential = base
        credential.removeValue(forKey: key)
        if let value { credential[key] = value }
        return credential
    }

    @Test("a credential meeting the rule conforms; one failing it is refused naming the member", arguments: rules)
    func rule(_ rule: Rule) {
        let good = CredentialDataModelValidator().validate(Self.credential(rule.key, rule.good))
        #expect(good.violations.isEmpty, "\(good.violations.map(\.reason))")
        let bad = CredentialDataModelValidator().validate(Self.credential(rule.key, rule.bad))
        #expect(bad.violations.map(\.member).contains(rule.member), "\(bad.violations.map(\.member)): \(bad.violations.map(\.reason))")
        #expect(bad.violations.allSatisfy { $0.reason.contains(rule.member.split(separator: "[").first.map(String.init) ?? rule.key) },
                "\(bad.violations.map(\.reason))")
    }

    @Test("validUntil before validFrom is refused naming validUntil; the same instant is accepted")
    func validityOrder() {
        var credential = Self.base
        credential["validFrom"] = "2026-01-02T00:00:00Z"
        credential["validUntil"] = "2026-01-01T23:59:59Z"
        #expect(CredentialDataModelValidator().validate(credential).violations.map(\.member) == ["validUntil"])
        credential["validUntil"] = "2026-01-01T18:00:00-06:00"
        #expect(CredentialDataModelValidator().validate(credential) == .conforms(.v2))
    }

    @Test("a VC 1.1 credential needs issuanceDate; with it, it conforms as 1.1")
    func version1() {
        var credential = Self.credential("@context", ["https://www.w3.org/2018/credentials/v1"])
        #expect(CredentialDataModelValidator().validate(credential).violations.map(\.member) == ["issuanceDate"])
        credential["issuanceDate"] = "2026-01-01T00:00:00Z"
        credential["expirationDate"] = "2027-01-01T00:00:00Z"
        #expect(CredentialDataModelValidator().validate(credential) == .conforms(.v1))
    }

    @Test("JSON-LD processing: a redefined protected term is refused naming @context, a type the contexts map to no URL naming type; a mapped type passes and an unknown context's terms are not judged")
    func linkedData() {
        let v2: JSONValue = "https://www.w3.org/ns/credentials/v2"
        func validate(_ context: JSONValue, types: JSONValue) -> [DataModelViolation] {
            var credential = Self.credential("@context", context)
            credential["type"] = types
            return CredentialDataModelValidator().validate(credential).violations
        }
        let redefined = validate([v2, ["VerifiableCredential": "https://example.org/#Bad"]], types: ["VerifiableCredential"])
        #expect(redefined.map(\.member) == ["@context"] && redefined[0].reason.contains("protected term redefinition"), "\(redefined)")
        let unmapped = validate([v2, ["@vocab": nil]], types: ["VerifiableCredential", "ExampleCredential"])
        #expect(unmapped.map(\.member) == ["type"] && unmapped[0].reason.contains("'ExampleCredential'"), "\(unmapped)")
        #expect(validate([v2, ["ExampleCredential": "https://example.org/#ExampleCredential"]], types: ["VerifiableCredential", "ExampleCredential"]).isEmpty)
        // The final VC 2.0 context has no @vocab: a type it does not define maps to no URL, unless
        // the VCDM's undefined-terms context (which has one) is named.
        let undefined = validate([v2], types: ["VerifiableCredential", "ExampleCredential"])
        #expect(undefined.map(\.member) == ["type"] && undefined[0].reason.contains("undefined-terms/v2"), "\(undefined)")
        #expect(validate([v2, "https://www.w3.org/ns/credentials/undefined-terms/v2"], types: ["VerifiableCredential", "ExampleCredential"]).isEmpty)
        // A context outside the bundled set leaves these points undecided, not refused.
        #expect(validate([v2, "https://contexts.example.org/unknown/v1"], types: ["VerifiableCredential", "ExampleCredential"]).isEmpty)
    }

    @Test("every violation is reported, not only the first")
    func allViolations() {
        let members = CredentialDataModelValidator().validate(["type": 4, "credentialSubject": [:]]).violations.map(\.member)
        #expect(members == ["@context", "type", "issuer", "credentialSubject"])
    }
}
