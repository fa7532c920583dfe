import LinkedData
import Primitives
import Testing

@Suite("JSON-LD processing of credentials")
struct JSONLDProcessorTests {
    static let processor = JSONLDProcessor()

    /// A VC 1.1 credential whose subject has a claim no context defines (VC 1.1 has no @vocab).
    static let credentialWithUndefinedClaim = """
        {
          "@context": ["https://www.w3.org/2018/credentials/v1"],
          "id": "urn:uuid:1",
          "type": ["VerifiableCredential"],
          "issuer": "did:example:issuer",
          "issuanceDate": "2024-01-01T00:00:00Z",
          "credentialSubject": {"id": "did:example:subject", "favoriteColor": "blue", "alsoUndefined": 1}
        }
        """

    @Test("the first member that expands to nothing is named")
    func firstDroppedTerm() throws {
        let document = try JSONValue(parsing: Self.credentialWithUndefinedClaim)
        #expect(try Self.processor.firstDroppedTerm(in: document) == "favoriteColor")
    }

    @Test("refusing dropped terms makes toRdf fail with droppedTerm naming the claim")
    func refuseDroppedTerms() throws {
        let document = try JSONValue(parsing: Self.credentialWithUndefinedClaim)
        do {
            _ = try Self.processor.toRDF(document, options: JSONLDOptions(refuseDroppedTerms: true))
            Issue.record("expected droppedTerm")
        } catch let error as LinkedDataError {
            #expect(error.code == .droppedTerm)
            #expect(error.context == "favoriteColor")
        }
        // Without the option JSON-LD drops the claim silently, as the specification says.
        let dataset = try Self.processor.toRDF(document)
        #expect(!dataset.nQuads().contains("blue"))
    }

    @Test("an undefined type and an identifier that is no absolute IRI are named too: toRdf would drop them")
    func droppedTypesAndIdentifiers() throws {
        let undefinedType = try JSONValue(parsing: """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "MadeUpCredential"],
             "issuer": "did:example:issuer", "credentialSubject": {"id": "did:example:subject"}}
            """)
        #expect(try Self.processor.firstDroppedTerm(in: undefinedType) == "MadeUpCredential")
        let relativeIssuer = try JSONValue(parsing: """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
             "issuer": "issuer-1234", "credentialSubject": {"id": "did:example:subject"}}
            """)
        #expect(try Self.processor.firstDroppedTerm(in: relativeIssuer) == "issuer-1234")
        let relativeID = try JSONValue(parsing: """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "1234", "type": ["VerifiableCredential"],
             "issuer": "did:example:issuer", "credentialSubject": {"id": "did:example:subject"}}
            """)
        #expect(try Self.processor.firstDroppedTerm(in: relativeID) == "1234")
    }

    @Test("VC 2.0 drops an undefined claim too; its undefined-terms context keeps it under @vocab")
    func undefinedTermsContext() throws {
        let plain = try JSONValue(parsing: """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
             "issuer": "did:example:issuer", "credentialSubject": {"favoriteColor": "blue"}}
            """)
        #expect(try Self.processor.firstDroppedTerm(in: plain) == "favoriteColor")
        let withVocabulary = try JSONValue(parsing: """
            {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"],
             "type": ["VerifiableCredential"], "issuer": "did:example:issuer", "credentialSubject": {"favoriteColor": "blue"}}
            """)
        #expect(try Self.processor.firstDroppedTerm(in: withVocabulary) == nil)
        let nQuads = try Self.processor.toRDF(withVocabulary).nQuads()
        #expect(nQuads.contains("<https://www.w3.org/ns/credentials/undefined-term#favoriteColor> \"blue\""))
    }

    @Test("redefining a protected term of the VC context is refused with the specification's error")
    func protectedTerms() throws {
        let document = try JSONValue(parsing: """
            {"@context": ["https://www.w3.org/ns/credentials/v2", {"name": "https://example.com/other"}],
             "type": ["VerifiableCredential"], "name": "x"}
            """)
        do {
            _ = try Self.processor.toRDF(document)
            Issue.record("expected protected term redefinition")
        } catch let error as LinkedDataError {
            #expect(error.jsonLDErrorCode == "protected term redefinition")
        }
    }

    @Test("native numbers and booleans become xsd:integer, xsd:double (canonical 1.1E0 form) and xsd:boolean")
    func nativeTypes() throws {
        let document = try JSONValue(parsing: """
            {"@context": {"@vocab": "urn:v:"}, "@id": "urn:s", "i": 5, "d": 1.1, "big": 1e21, "b": true}
            """)
        let nQuads = try Self.processor.toRDF(document).nQuads()
        #expect(nQuads.contains("<urn:v:i> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer>"))
        #expect(nQuads.contains("<urn:v:d> \"1.1E0\"^^<http://www.w3.org/2001/XMLSchema#double>"))
        #expect(nQuads.contains("<urn:v:big> \"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>"))
        #expect(nQuads.contains("<urn:v:b> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"))
    }

    @Test("one processor used from many tasks at once gives the same canonical form (shared context cache)")
    func concurrentUse() async throws {
        let text = try VectorFiles.specText("di-eddsa/unsigned.json")
        let document = try JSONValue(parsing: text)
        let processor = JSONLDProcessor()
        let expected = try RDFCanonicalizer().canonicalize(try processor.toRDF(document)).nQuads
        try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask { try RDFCanonicalizer().canonicalize(try processor.toRDF(document)).nQuads }
            }
            for try await result in group { #expect(result == expected) }
        }
    }
}
