import DID
import Primitives
import Testing

struct DereferenceTests {
    @Test("a fragment dereferences to the method or service with that id")
    func fragments() throws {
        let document = try SampleDocuments.absolute()
        let subject = SampleDocuments.subject
        guard case .verificationMethod(let method) = document.dereference(try SampleDocuments.url(subject + "#key-2")) else {
            Issue.record("#key-2 should be a verification method")
            return
        }
        #expect(method.publicKeyMultibase == "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        guard case .verificationMethod(let embedded) = document.dereference(try SampleDocuments.url(subject + "#keys-3")) else {
            Issue.record("#keys-3 should be the embedded verification method")
            return
        }
        #expect(embedded.id.fragment == "keys-3")
        guard case .service(let service) = document.dereference(try SampleDocuments.url(subject + "#linked-domain")) else {
            Issue.record("#linked-domain should be a service")
            return
        }
        #expect(service.serviceEndpoint == "https://bar.example.com")
    }

    @Test("URLs of another DID, with a path or query, or naming nothing dereference to nil", arguments: [
        "did:example:123456789abcdefghi#missing", "did:example:other#key-2", "did:example:123456789abcdefghi",
        "did:example:123456789abcdefghi?versionId=1#key-2", "did:example:123456789abcdefghi/path#key-2",
    ])
    func misses(text: String) throws {
        #expect(try SampleDocuments.absolute().dereference(SampleDocuments.url(text)) == nil)
    }

    @Test("a method is found for a relationship only where the document authorizes it")
    func authorization() throws {
        let document = try SampleDocuments.absolute()
        let subject = SampleDocuments.subject
        let key2 = try SampleDocuments.url(subject + "#key-2"), key3 = try SampleDocuments.url(subject + "#keys-3")
        #expect(document.verificationMethod(key2, authorizedFor: .authentication)?.id == key2)
        #expect(document.verificationMethod(key3, authorizedFor: .authentication)?.id == key3)
        #expect(document.verificationMethod(key2, authorizedFor: .assertionMethod) == nil)
        #expect(document.verificationMethod(key3, authorizedFor: .capabilityInvocation) == nil)
        let external = try SampleDocuments.url("did:example:bcehfew7h32f32h7af3#key-1")
        #expect(document.verificationMethod(external, authorizedFor: .capabilityDelegation) == nil)
    }
}
