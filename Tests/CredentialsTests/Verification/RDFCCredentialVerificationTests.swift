import Credentials
import DID
import Primitives
import Testing

/// RDFC-secured credentials (eddsa-rdfc-2022, ecdsa-rdfc-2019, the legacy Ed25519 types and
/// proof sets) through ``CredentialVerifier``'s named checks.
@Suite("RDFC Data Integrity credentials through the engine")
struct RDFCCredentialVerificationTests {
    typealias F = DataIntegrityFixtures
    let fixture: VerifierFixture
    let now = VerifierFixture.now
    init() throws { fixture = try VerifierFixture() }

    static func credential(issuer: String, subject: JSONObject = ["id": "did:example:abcdefgh", "alumniOf": "The School of Examples"],
                           contexts: [JSONValue] = ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"]) -> JSONObject {
        ["@context": .array(contexts), "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
         "type": ["VerifiableCredential", "AlumniCredential"], "issuer": .string(issuer),
         "validFrom": "2023-01-01T00:00:00Z", "credentialSubject": .object(subject)]
    }

    func issue(format: CredentialFormat = .diEdDSARDFC, _ credential: JSONObject? = nil) async throws -> JSONValue {
        let issuer = try CredentialIssuer(issuer: fixture.issuer, signer: PrivateKeySigner(key: .ed25519(fixture.key), verificationMethod: fixture.verificationMethod),
                                          format: format)
        return try await issuer.secure(credential ?? Self.credential(issuer: fixture.issuer))
    }

    func check(_ result: CredentialVerificationResult, _ name: VerificationCheck.Name) -> VerificationCheck? {
        result.checks.first { $0.name == name }
    }

    @Test("an eddsa-rdfc-2022 credential of a did:key issuer verifies, with every named check reported")
    func eddsaRDFCVerifies() async throws {
        let secured = try await issue()
        #expect(secured["proof"]?["cryptosuite"] == "eddsa-rdfc-2022")
        let result = await fixture.verifier().verify(secured, now: now)
        #expect(result.verified, "\(result.json)")
        #expect(result.checks.map(\.name) == VerificationCheck.Name.allCases.filter { $0 != .challenge })
        #expect(check(result, .proof)?.outcome == .passed)
    }

    @Test("an ecdsa-rdfc-2019 credential of a P-256 did:key issuer verifies")
    func ecdsaRDFCVerifies() async throws {
        let key = P256PrivateKey()
        let didKey = try DIDKey(publicKey: .p256(key.publicKey))
        let issuer = try CredentialIssuer(issuer: didKey.did.description,
                                          signer: PrivateKeySigner(key: .p256(key), verificationMethod: didKey.verificationMethodID.description),
                                          format: .diECDSARDFC)
        let secured = try await issuer.secure(Self.credential(issuer: didKey.did.description))
        #expect(secured["proof"]?["cryptosuite"] == "ecdsa-rdfc-2019")
        let result = await fixture.verifier().verify(secured, now: now)
        #expect(result.verified, "\(result.json)")
    }

    @Test("a flipped claim fails the proof check with signatureMismatch")
    func flippedClaim() async throws {
        let forged = F.modified(try await issue()) { $0["credentialSubject"] = ["id": "did:example:abcdefgh", "alumniOf": "The School of Forgeries"] }
        let result = await fixture.verifier().verify(forged, now: now)
        #expect(!result.verified)
        #expect(check(result, .proof)?.code == "signatureMismatch")
        #expect(check(result, .issuer)?.outcome == .passed)
    }

    @Test("a claim the contexts do not define fails the proof check with droppedTerm naming it; issuance refuses it too")
    func undefinedTerm() async throws {
        let plain: [JSONValue] = ["https://www.w3.org/ns/credentials/v2"]
        var defined = Self.credential(issuer: fixture.issuer, subject: ["id": "did:example:abcdefgh"], contexts: plain)
        defined["type"] = ["VerifiableCredential"]
        let signed = try await issue(defined)
        let added = F.modified(signed) { $0["credentialSubject"] = ["id": "did:example:abcdefgh", "favoriteColor": "blue"] }
        let result = await fixture.verifier().verify(added, now: now)
        #expect(!result.verified)
        #expect(check(result, .proof)?.code == "droppedTerm")
        #expect(check(result, .proof)?.reason.contains("'favoriteColor'") == true)
        let error = await #expect(throws: CredentialsError.self) {
            var undefined = defined
            undefined["credentialSubject"] = ["favoriteColor": "blue"]
            return try await issue(undefined)
        }
        #expect(error?.code == .droppedTerm)
        #expect(error?.reason.contains("favoriteColor") == true)
    }

    @Test("a context outside the bundled set fails the proof check with unknownContext naming it")
    func unknownContext() async throws {
        let signed = try await issue()
        let other = F.modified(signed) { object in
            object["@context"] = ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2", "https://example.org/contexts/private/v1"]
        }
        let result = await fixture.verifier().verify(other, now: now)
        #expect(!result.verified)
        #expect(check(result, .proof)?.code == "unknownContext")
        #expect(check(result, .proof)?.reason.contains("https://example.org/contexts/private/v1") == true)
    }

    @Test("DIDKit's and Credo's Ed25519Signature2018 / 2020 credentials of did:key issuers verify through the engine",
          arguments: ["di-eddsa/didkit/Ed25519Signature2018.json", "di-eddsa/didkit/Ed25519Signature2020.json",
                      "di-eddsa/Ed25519Signature2018/signedCredential.json"])
    func legacyCredentialsVerify(path: String) async throws {
        let result = await fixture.verifier().verify(try F.json(path), now: now)
        #expect(result.verified, "\(result.json)")
        #expect(result.format == "Data Integrity")
    }

    @Test("the P-384 ecdsa-rdfc-2019 example's proof holds under its z82… did:key; its issuer is not a DID")
    func p384Example() async throws {
        let result = await fixture.verifier().verify(try RDFCVector.ecdsaP384.signed, now: now)
        #expect(check(result, .proof)?.outcome == .passed, "\(result.json)")
        #expect(check(result, .proof)?.reason.contains("ES384") == true)
        #expect(check(result, .issuer)?.code == "issuerNotDID")
    }

    @Test("a proof set verifies when every proof holds; a broken second proof fails the proof check naming it")
    func proofSet() async throws {
        let unsigned = Self.credential(issuer: fixture.issuer)
        let witness = Ed25519PrivateKey()
        let witnessKey = try DIDKey(publicKey: .ed25519(witness.publicKey))
        let first = try await issue(unsigned)
        let second = try DataIntegrity.sign(document: .object(unsigned),
                                            options: .init(cryptosuite: .eddsaRDFC2022, verificationMethod: witnessKey.verificationMethodID.description),
                                            key: witness)
        let set = F.modified(first) { $0["proof"] = [first["proof"] ?? .null, second["proof"] ?? .null] }
        let result = await fixture.verifier().verify(set, now: now)
        #expect(result.verified, "\(result.json)")
        let broken = F.modified(set) { object in
            var proof = second["proof"]?.objectValue ?? [:]
            proof["created"] = "2023-01-01T00:00:00Z"
            object["proof"] = [first["proof"] ?? .null, .object(proof)]
        }
        let failed = await fixture.verifier().verify(broken, now: now)
        #expect(check(failed, .proof)?.code == "signatureMismatch")
        #expect(check(failed, .proof)?.reason.contains("Proof 2 of the set") == true)
    }
}
