import Credentials
import DID
import Primitives
import Testing

/// `Ed25519Signature2018` (detached JWS, `b64` false): credentials and a presentation signed
/// by other implementations — Credo's test fixtures and DIDKit (specs/vectors/di-eddsa,
/// SOURCES.md) — verify; altered copies do not.
@Suite("Ed25519Signature2018 published and DIDKit-issued examples")
struct Ed25519Signature2018Tests {
    typealias F = DataIntegrityFixtures

    func key(of document: JSONValue) throws -> Ed25519PublicKey {
        let method = document["proof"]?["verificationMethod"]?.stringValue ?? ""
        guard case .ed25519(let key) = try DIDKey(parsing: String(method.prefix { $0 != "#" })).publicKey else {
            throw CredentialsError.invalidProof("not an Ed25519 did:key")
        }
        return key
    }

    func verify(_ document: JSONValue) throws -> DataIntegrityVerification {
        try DataIntegrity.verify(securedDocument: document, publicKey: try key(of: document))
    }

    @Test("Credo's signed credential and signed presentation verify",
          arguments: ["di-eddsa/Ed25519Signature2018/signedCredential.json", "di-eddsa/Ed25519Signature2018/signedPresentation.json"])
    func credoExamplesVerify(path: String) throws {
        #expect(try verify(try F.json(path)) == .valid)
    }

    @Test("Credo's badly signed credential is a signature mismatch")
    func credoBadSignature() throws {
        #expect(try verify(try F.json("di-eddsa/Ed25519Signature2018/badSignedCredential.json")) == .invalid(reason: .signatureMismatch))
    }

    @Test("DIDKit's Ed25519Signature2018 and Ed25519Signature2020 credentials verify",
          arguments: ["di-eddsa/didkit/Ed25519Signature2018.json", "di-eddsa/didkit/Ed25519Signature2020.json"])
    func didkitCredentialsVerify(path: String) throws {
        #expect(try verify(try F.json(path)) == .valid)
    }

    @Test("an altered DIDKit credential, proof date or signature does not verify",
          arguments: ["di-eddsa/didkit/Ed25519Signature2018.json", "di-eddsa/didkit/Ed25519Signature2020.json"])
    func didkitAlteredCopies(path: String) throws {
        let signed = try F.json(path)
        let renamed = F.modified(signed) { object in
            object["credentialSubject"] = ["id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
                                           "degree": ["name": "Doctor of Forgery", "type": "BachelorDegree"]]
        }
        #expect(try verify(renamed) == .invalid(reason: .signatureMismatch))
        let redated = F.modifiedProof(signed) { $0["created"] = "2025-01-01T00:00:00Z" }
        #expect(try verify(redated) == .invalid(reason: .signatureMismatch))
    }

    @Test("signing with the vector key reproduces DIDKit's Ed25519Signature2020 proofValue byte for byte")
    func reproducesDIDKit2020() throws {
        let signed = try F.json("di-eddsa/didkit/Ed25519Signature2020.json")
        var unsigned = try #require(signed.objectValue)
        unsigned.removeValue(forKey: "proof")
        let proof = try #require(signed["proof"])
        let options = DataIntegrityProof.Options(cryptosuite: .ed25519Signature2020, created: proof["created"]?.stringValue,
                                                 verificationMethod: proof["verificationMethod"]?.stringValue ?? "")
        let mine = try DataIntegrity.sign(document: .object(unsigned), options: options, key: try F.ed25519KeyPair().0)
        #expect(mine["proof"]?["proofValue"] == proof["proofValue"])
    }

    @Test("a jws that is not a detached EdDSA JWS with b64 false cannot be read")
    func malformedJWS() throws {
        let signed = try F.json("di-eddsa/didkit/Ed25519Signature2018.json")
        let jws = try #require(signed["proof"]?["jws"]?.stringValue)
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let es256Header = Base64URL.encode(Array(#"{"alg":"ES256","b64":false,"crit":["b64"]}"#.utf8))
        for forged in ["\(parts[0]).e30.\(parts[2])", "\(es256Header)..\(parts[2])", "\(parts[0])..", "not-a-jws"] {
            let error = #expect(throws: CredentialsError.self) { try verify(F.modifiedProof(signed) { $0["jws"] = .string(forged) }) }
            #expect(error?.code == .invalidProof)
        }
    }
}
