import DID
import Primitives
import Testing

struct DIDResolutionResultTests {
    @Test("a successful result serializes as the DID Resolution JSON object with all metadata")
    func successJSON() throws {
        let did = try DID(parsing: "did:example:123")
        let metadata = DIDDocumentMetadata(
            created: DIDDateTime(parsing: "2019-03-23T06:35:22Z"), updated: DIDDateTime(parsing: "2023-08-10T13:40:06Z"),
            deactivated: false, versionId: "2", nextUpdate: DIDDateTime(parsing: "2024-01-01T00:00:00Z"),
            nextVersionId: "3", equivalentId: [try DID(parsing: "did:example:456")], canonicalId: did,
            additionalProperties: ["blockHeight": 42])
        let result = DIDResolutionResult(didDocument: DIDDocument(id: did),
                                         didResolutionMetadata: DIDResolutionMetadata(contentType: DIDMediaType.didLDJSON),
                                         didDocumentMetadata: metadata)
        let expected: JSONValue = [
            "@context": "https://w3id.org/did-resolution/v1",
            "didDocument": ["@context": "https://www.w3.org/ns/did/v1", "id": "did:example:123"],
            "didResolutionMetadata": ["contentType": "application/did+ld+json"],
            "didDocumentMetadata": [
                "created": "2019-03-23T06:35:22Z", "updated": "2023-08-10T13:40:06Z", "deactivated": false, "versionId": "2",
                "nextUpdate": "2024-01-01T00:00:00Z", "nextVersionId": "3", "equivalentId": ["did:example:456"],
                "canonicalId": "did:example:123", "blockHeight": 42,
            ],
        ]
        #expect(result.jsonValue == expected)
        #expect(result.isSuccess)
        #expect(result.error == nil)
    }

    @Test("a failed result has a null document and names its error")
    func failureJSON() {
        let result = DIDResolutionResult(error: DIDError(.methodNotSupported))
        #expect(result.jsonValue["didDocument"] == .null)
        let error = result.jsonValue["didResolutionMetadata"]?["error"]
        #expect(error?["type"] == "https://www.w3.org/ns/did#METHOD_NOT_SUPPORTED" && error?["title"] == "methodNotSupported")
        #expect(error?["detail"]?.stringValue?.isEmpty == false)
        #expect(result.jsonValue["didDocumentMetadata"] == [:])
    }

    @Test("error codes carry the DID Resolution error type URLs")
    func errorTypeURLs() {
        let expected: [(DIDError.Code, String)] = [
            (.invalidDid, "INVALID_DID"), (.invalidDidUrl, "INVALID_DID_URL"), (.notFound, "NOT_FOUND"),
            (.methodNotSupported, "METHOD_NOT_SUPPORTED"), (.representationNotSupported, "REPRESENTATION_NOT_SUPPORTED"),
            (.invalidDocument, "INVALID_DID_DOCUMENT"), (.invalidPublicKey, "INVALID_PUBLIC_KEY"), (.internalError, "INTERNAL_ERROR"),
        ]
        for (code, name) in expected { #expect(code.typeURL == "https://www.w3.org/ns/did#" + name) }
    }
}
