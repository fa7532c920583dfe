import DID
import Primitives
import Testing

struct DIDKeyTests {
    private let ed25519DID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"
    /// A did:key whose Ed25519 key is one byte short.
    static let shortKeyDID = "did:key:" + Multibase.encode(Multicodec.ed25519Pub.prefixing([UInt8](repeating: 7, count: 31)), base: .base58BTC)

    @Test("the Ed25519 document has the did:key contexts, Multikey methods and the five relationships")
    func documentShape() throws {
        let didKey = try DIDKey(parsing: ed25519DID)
        let json = didKey.document.jsonValue
        #expect(json["@context"] == ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"])
        #expect(json["verificationMethod"]?[0] == [
            "id": .string(ed25519DID + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"), "type": "Multikey",
            "controller": .string(ed25519DID), "publicKeyMultibase": "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        ])
        for relationship in VerificationRelationship.allCases {
            #expect(json[relationship.rawValue]?.arrayValue?.count == 1, "\(relationship)")
        }
        #expect(json["keyAgreement"]?[0] == .string(ed25519DID + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW"))
        #expect(didKey.verificationMethodID.fragment == "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp")
    }

    @Test("identifiers that are not a supported canonical Multikey are refused with their code", arguments: [
        ("did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", DIDError.Code.invalidDid),
        ("did:key:z0OIl", .invalidDid),
        ("did:key:1:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", .invalidDid),
        (DIDKeyTests.shortKeyDID, .invalidPublicKey),
        ("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", .unsupportedPublicKeyType),
        ("did:web:example.com", .methodNotSupported),
    ] as [(String, DIDError.Code)])
    func refusals(text: String, code: DIDError.Code) async throws {
        #expect(throws: DIDError(code)) { try DIDKey(parsing: text) }
        let result = await DIDKey.Resolver().resolve(parsing: text)
        #expect(result.didResolutionMetadata.error == code)
    }

    @Test("an Ed25519 key of small order has no X25519 form and is refused as invalidPublicKey")
    func smallOrderKey() throws {
        let identity = try Ed25519PublicKey(rawRepresentation: [1] + [UInt8](repeating: 0, count: 31))
        #expect(throws: DIDError(.invalidPublicKey)) { try DIDKey(publicKey: .ed25519(identity)) }
        let multikey = PublicKeyMaterial.ed25519(identity).multikey
        #expect(throws: DIDError(.invalidPublicKey)) { try DIDKey(parsing: "did:key:" + multikey) }
    }

    @Test("did:key ignores versionTime, has no versionId and refuses unsupported media types")
    func resolutionOptions() async throws {
        let resolver = DIDKey.Resolver()
        let time = DIDResolutionOptions(versionTime: DIDDateTime(parsing: "2021-05-10T17:00:00Z"))
        #expect(await resolver.resolve(parsing: ed25519DID, options: time).isSuccess)
        let version = await resolver.resolve(parsing: ed25519DID, options: DIDResolutionOptions(versionId: "1"))
        #expect(version.didResolutionMetadata.error == .notFound)
        let html = await resolver.resolve(parsing: ed25519DID, options: DIDResolutionOptions(accept: "text/html"))
        #expect(html.didResolutionMetadata.error == .representationNotSupported)
        let plain = await resolver.resolve(parsing: ed25519DID, options: DIDResolutionOptions(accept: DIDMediaType.didJSON))
        #expect(plain.didDocument?.context == nil)
        #expect(plain.didResolutionMetadata.contentType == DIDMediaType.didJSON)
    }
}
