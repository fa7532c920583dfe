import DID
import Primitives
import Testing

struct DIDDocumentJSONTests {
    @Test("a document's JSON round-trips exactly, unknown members of every level included")
    func roundTrip() throws {
        let original = try JSONValue(parsing: SampleDocuments.absoluteText)
        let document = try DIDDocument(json: original)
        #expect(document.jsonValue == original)
        #expect(try DIDDocument(parsing: document.jsonValue.description) == document)
        #expect(document.additionalProperties["customProperty"] == ["nested": [1, 2.5, nil, true]])
        #expect(document.additionalProperties["\u{e9}"] == "escaped name")
        #expect(document.verificationMethod[0].additionalProperties["expires"] == "2030-01-01T00:00:00Z")
        #expect(document.verificationMethod[0].publicKeyJwk?.members["kid"] == "_Qq0UL2Fq651Q0Fjd6TvnYE-faHiOpRlPVQcY_-tA4A")
        #expect(document.service[1].additionalProperties["priority"] == 1)
    }

    @Test("members are read into their DID Core types")
    func typedMembers() throws {
        let document = try SampleDocuments.absolute()
        #expect(document.id.description == SampleDocuments.subject)
        #expect(document.alsoKnownAs == ["https://example.com/alice"])
        #expect(document.controller?.values.map(\.description) == [SampleDocuments.subject, "did:example:bcehfew7h32f32h7af3"])
        #expect(document.verificationMethod.map(\.type) == [.jsonWebKey2020, .multikey])
        #expect(document.authentication.map(\.id.fragment) == ["key-2", "keys-3"])
        if case .embedded(let method) = document.authentication[1] {
            #expect(method.publicKeyMultibase == "zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv")
        } else {
            Issue.record("the second authentication entry should be embedded")
        }
        #expect(document.keyAgreement.isEmpty)
        #expect(document.service[0].type == .one("LinkedDomains"))
        #expect(document.service[1].type == .many(["Hub", "Mailbox"]))
        #expect(document.service[0].serviceEndpoint == "https://bar.example.com")
        #expect(document.allVerificationMethods.count == 3)
    }

    @Test("relative ids and references are resolved against the document's DID")
    func relativeIDs() throws {
        let document = try DIDDocument(parsing: """
            {"id": "did:example:123", "verificationMethod": [{"id": "#key-1", "type": "Multikey",
              "controller": "did:example:123", "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}],
             "authentication": ["#key-1"], "service": [{"id": "#agent", "type": "Agent", "serviceEndpoint": "https://a.example"}]}
            """)
        #expect(document.verificationMethod[0].id.description == "did:example:123#key-1")
        #expect(document.authentication == [.reference(try SampleDocuments.url("did:example:123#key-1"))])
        #expect(document.service[0].id == "did:example:123#agent")
        #expect(document.context == nil)
        #expect(document.jsonValue["@context"] == nil)
        try document.validateStructure()
    }

    @Test("a built document writes DID Core members and leaves out empty sets")
    func building() throws {
        let did = try SampleDocuments.did("did:example:123")
        var document = DIDDocument(id: did)
        let key = try PublicKeyMaterial(multikey: "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
        let keyID = try DIDURL(did: did, fragment: "key-1")
        document.verificationMethod = [VerificationMethod(id: keyID, controller: did, jsonWebKey: key)]
        document[.assertionMethod] = [.reference(keyID)]
        let expected: JSONValue = [
            "@context": "https://www.w3.org/ns/did/v1", "id": "did:example:123",
            "verificationMethod": [["id": "did:example:123#key-1", "type": "JsonWebKey", "controller": "did:example:123",
                                    "publicKeyJwk": ["kty": "OKP", "crv": "Ed25519", "x": "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik"]]],
            "assertionMethod": ["did:example:123#key-1"],
        ]
        #expect(document.jsonValue == expected)
        try document.validateStructure()
    }

    @Test("members of the wrong shape are refused as invalidDocument", arguments: [
        "[]", "not json", ##"{"id": 5}"##, ##"{"verificationMethod": []}"##, ##"{"id": "did:example:123#frag"}"##,
        ##"{"id": "did:example:1", "verificationMethod": {}}"##,
        ##"{"id": "did:example:1", "verificationMethod": [{"id": "#k", "type": "Multikey"}]}"##,
        ##"{"id": "did:example:1", "verificationMethod": [{"id": "#k", "controller": "did:example:1"}]}"##,
        ##"{"id": "did:example:1", "verificationMethod": [{"id": "k k", "type": "Multikey", "controller": "did:example:1"}]}"##,
        ##"{"id": "did:example:1", "verificationMethod": [{"id": "#k", "type": "JsonWebKey", "controller": "did:example:1", "publicKeyJwk": {"kty": "EC"}}]}"##,
        ##"{"id": "did:example:1", "authentication": [5]}"##, ##"{"id": "did:example:1", "authentication": ["not a url"]}"##,
        ##"{"id": "did:example:1", "controller": "example"}"##, ##"{"id": "did:example:1", "controller": [1]}"##,
        ##"{"id": "did:example:1", "alsoKnownAs": "https://a.example"}"##,
        ##"{"id": "did:example:1", "service": [{"id": "#s", "type": "T"}]}"##,
        ##"{"id": "did:example:1", "service": [{"id": "#s", "serviceEndpoint": "https://a.example"}]}"##,
        ##"{"id": "did:example:1", "service": [{"id": "#s", "type": 7, "serviceEndpoint": "https://a.example"}]}"##,
    ])
    func refusesBadShapes(text: String) {
        #expect(throws: DIDError(.invalidDocument)) { try DIDDocument(parsing: text) }
    }
}
