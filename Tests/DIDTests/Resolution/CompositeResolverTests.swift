import DID
import Primitives
import Testing

struct CompositeResolverTests {
    private let ed25519DID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"

    private func resolver() throws -> CompositeResolver {
        CompositeResolver(["key": DIDKey.Resolver(), "example": try StubResolver(["did:example:123"])])
    }

    @Test("DIDs are routed by method name")
    func routing() async throws {
        let resolver = try resolver()
        #expect(resolver.methods == ["example", "key"])
        #expect(await resolver.resolve(parsing: "did:example:123").didDocument?.id.description == "did:example:123")
        #expect(await resolver.resolve(parsing: ed25519DID).didDocument?.verificationMethod.count == 2)
    }

    @Test("resolution failures come back as W3C error codes, never as throws", arguments: [
        ("did:web:example.com", nil, DIDError.Code.methodNotSupported),
        ("did:Example:123", nil, .invalidDid),
        ("did:example:123#key-1", nil, .invalidDid),
        ("not a did", nil, .invalidDid),
        ("did:example:999", nil, .notFound),
        ("did:example:123", "text/html", .representationNotSupported),
        ("did:example:123", "application/ld+json", .representationNotSupported),
        ("did:example:123", "application/did+json;q=0", .representationNotSupported),
    ] as [(String, String?, DIDError.Code)])
    func errors(text: String, accept: String?, code: DIDError.Code) async throws {
        let result = try await resolver().resolve(parsing: text, options: DIDResolutionOptions(accept: accept))
        #expect(result.didResolutionMetadata.error == code)
        #expect(result.didDocument == nil)
        #expect(!result.isSuccess)
        #expect(result.error == DIDError(code))
        #expect(result.didResolutionMetadata.errorMessage?.isEmpty == false)
    }

    @Test("the accepted media type picks the document representation", arguments: [
        (nil, DIDMediaType.didLDJSON, true),
        ("application/did+json", DIDMediaType.didJSON, false),
        ("application/did+ld+json", DIDMediaType.didLDJSON, true),
        ("application/did-resolution", DIDMediaType.didLDJSON, true),
        (#"application/ld+json; profile="https://w3id.org/did-resolution""#, DIDMediaType.didLDJSON, true),
        ("text/html, application/did+json;q=0.5, application/did+ld+json;q=0.9", DIDMediaType.didLDJSON, true),
        ("APPLICATION/DID+JSON", DIDMediaType.didJSON, false),
        ("*/*", DIDMediaType.didLDJSON, true),
    ] as [(String?, String, Bool)])
    func representations(accept: String?, contentType: String, hasContext: Bool) async throws {
        let result = try await resolver().resolve(parsing: ed25519DID, options: DIDResolutionOptions(accept: accept))
        #expect(result.didResolutionMetadata.contentType == contentType)
        #expect((result.didDocument?.jsonValue["@context"] != nil) == hasContext)
    }
}
