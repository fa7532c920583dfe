import DID
import Primitives
import Testing

struct DIDDocumentValidationTests {
    /// A valid document with one Multikey method referenced from authentication.
    private func baseline() throws -> DIDDocument {
        let did = try SampleDocuments.did("did:example:123")
        var document = DIDDocument(id: did)
        let keyID = try DIDURL(did: did, fragment: "key-1")
        let key = try PublicKeyMaterial(multikey: "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme")
        document.verificationMethod = [VerificationMethod(id: keyID, controller: did, multikey: key)]
        document.authentication = [.reference(keyID)]
        document.service = [Service(id: "did:example:123#agent", type: .one("Agent"), serviceEndpoint: "https://agent.example")]
        return document
    }

    @Test("the DID Core sample and a built document pass the structural checks")
    func validDocuments() throws {
        try SampleDocuments.absolute().validateStructure()
        try baseline().validateStructure()
    }

    @Test("a reference to another DID's method is allowed, since it cannot be checked here")
    func externalReference() throws {
        var document = try baseline()
        document.assertionMethod = [.reference(try SampleDocuments.url("did:example:other#key-1"))]
        try document.validateStructure()
    }

    @Test("each broken DID Core rule is reported as invalidDocument", arguments: Breakage.allCases)
    func refusesBrokenDocuments(breakage: Breakage) throws {
        var document = try baseline()
        try breakage.apply(to: &document)
        #expect(throws: DIDError(.invalidDocument)) { try document.validateStructure() }
    }

    enum Breakage: CaseIterable, Sendable {
        case methodOfAnotherDID, methodWithoutFragment, duplicateMethodID, embeddedDuplicate, danglingReference
        case twoKeyMembers, privateJWK, multikeyWithoutMultibase, jsonWebKeyWithoutJWK
        case serviceIDNotURI, serviceDuplicatingMethod, emptyServiceType, numericEndpoint, emptyEndpointSet
        case alsoKnownAsNotURI

        func apply(to document: inout DIDDocument) throws {
            var method = document.verificationMethod[0]
            switch self {
            case .methodOfAnotherDID: document.verificationMethod[0].id = try SampleDocuments.url("did:example:456#key-1")
            case .methodWithoutFragment: document.verificationMethod[0].id = try SampleDocuments.url("did:example:123/keys/1")
            case .duplicateMethodID: document.verificationMethod.append(method)
            case .embeddedDuplicate: document.assertionMethod = [.embedded(method)]
            case .danglingReference: document.authentication.append(.reference(try SampleDocuments.url("did:example:123#missing")))
            case .twoKeyMembers:
                method.publicKeyJwk = try method.publicKeyMaterial().jwk
                document.verificationMethod[0] = method
            case .privateJWK:
                method.publicKeyMultibase = nil
                method.type = .jsonWebKey
                method.publicKeyJwk = try JWK(json: ["kty": "EC", "crv": "secp256k1", "x": "TEIJN9vnTq1EXMkqzo7yN_867-foKc2pREv45Fw_QA8",
                                                     "y": "9yiymlzdxKCiRbYq7p-ArRB-C1ytjHE-eb7RDTi6rVc", "d": "J5yKm7OXFsXDEutteGYeT0CAfQJwIlHLSYkQxKtgiyo"])
                document.verificationMethod[0] = method
            case .multikeyWithoutMultibase: document.verificationMethod[0].publicKeyMultibase = nil
            case .jsonWebKeyWithoutJWK: document.verificationMethod[0].type = .jsonWebKey
            case .serviceIDNotURI: document.service[0].id = "agent"
            case .serviceDuplicatingMethod: document.service[0].id = "did:example:123#key-1"
            case .emptyServiceType: document.service[0].type = .many([])
            case .numericEndpoint: document.service[0].serviceEndpoint = 42
            case .emptyEndpointSet: document.service[0].serviceEndpoint = []
            case .alsoKnownAsNotURI: document.alsoKnownAs = ["alice at example"]
            }
        }
    }
}
