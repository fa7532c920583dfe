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

    @Test("the accepted media type picks the document representation: DID 1.1's application/did by default, with the 1.1 context first; DID 1.0's types by name, with the 1.0 context or none", arguments: [
        (nil, DIDMediaType.did, DIDDocument.didContextV11),
        ("application/did", DIDMediaType.did, DIDDocument.didContextV11),
        ("application/did+json", DIDMediaType.didJSON, nil),
        ("application/did+ld+json", DIDMediaType.didLDJSON, DIDDocument.didContext),
        ("application/did-resolution", DIDMediaType.did, DIDDocument.didContextV11),
        (#"application/ld+json; profile="https://w3id.org/did-resolution""#, DIDMediaType.did, DIDDocument.didContextV11),
        ("text/html, application/did+json;q=0.5, application/did+ld+json;q=0.9", DIDMediaType.didLDJSON, DIDDocument.didContext),
        ("APPLICATION/DID+JSON", DIDMediaType.didJSON, nil),
        ("*/*", DIDMediaType.did, DIDDocument.didContextV11),
    ] as [(String?, String, String?)])
    func representations(accept: String?, contentType: String, firstContext: String?) async throws {
        let result = try await resolver().resolve(parsing: ed25519DID, options: DIDResolutionOptions(accept: accept))
        #expect(result.didResolutionMetadata.contentType == contentType)
        let context = result.didDocument?.jsonValue["@context"]
        #expect(context?[0]?.stringValue == firstContext)
        // The Multikey context follows whichever DID context comes first.
        if firstContext != nil { #expect(context?[1] == "https://w3id.org/security/multikey/v1" && context?.arrayValue?.count == 2) }
    }

    @Test("a document stored with either DID context is represented with the one its media type names, the other contexts kept")
    func representationsReplaceEitherContext() throws {
        let did = try DID(parsing: ed25519DID)
        for stored in [DIDDocument.didContext, DIDDocument.didContextV11] {
            let document = DIDDocument(id: did, context: [.string(stored), "https://example.org/extra/v1"])
            #expect(document.represented(as: DIDMediaType.did).context == [.string(DIDDocument.didContextV11), "https://example.org/extra/v1"])
            #expect(document.represented(as: DIDMediaType.didLDJSON).context == [.string(DIDDocument.didContext), "https://example.org/extra/v1"])
            #expect(document.represented(as: DIDMediaType.didJSON).context == nil)
        }
        #expect(DIDDocument(id: did, context: nil).represented(as: DIDMediaType.did).context == .string(DIDDocument.didContextV11))
        #expect(DIDDocument(id: did, context: "https://example.org/only/v1").represented(as: DIDMediaType.did).context
                == [.string(DIDDocument.didContextV11), "https://example.org/only/v1"])
    }
}
