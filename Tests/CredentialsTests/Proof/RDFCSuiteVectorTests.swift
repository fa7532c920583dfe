import Credentials
import LinkedData
import Primitives
import Testing

/// Every intermediate of the published `eddsa-rdfc-2022`, `Ed25519Signature2020` and
/// `ecdsa-rdfc-2019` (P-256, P-384) vectors, reproduced through the suites' own
/// transformation, configuration and hashing, and the signed examples verified.
@Suite("RDFC suite test vectors")
struct RDFCSuiteVectorTests {
    typealias F = DataIntegrityFixtures

    @Test("the transformation gives the published canonical document and its hash", arguments: RDFCVector.all)
    func transformation(vector: RDFCVector) throws {
        let transformed = try vector.suite.transformDocument(try vector.unsigned)
        #expect(transformed == (try F.bytes(vector.path("canonDoc"))))
        #expect(vector.digest.digest(transformed) == (try F.hexFile(vector.path("docHash"))))
    }

    @Test("the proof configuration, its hash and hashData match the published ones", arguments: RDFCVector.all)
    func proofConfiguration(vector: RDFCVector) throws {
        let canonical = try vector.suite.configure(try vector.proofConfig)
        #expect(canonical == (try F.bytes(vector.path("proofCanon"))))
        #expect(vector.digest.digest(canonical) == (try F.hexFile(vector.path("proofHash"))))
        let hashData = vector.suite.hashData(transformedDocument: try vector.suite.transformDocument(try vector.unsigned),
                                             proofConfig: canonical, digest: vector.digest)
        #expect(hashData == (try F.hexFile(vector.path("combinedHash"))))
    }

    @Test("the published signature is the key's signature of hashData, and its multibase form the proofValue", arguments: RDFCVector.all)
    func signature(vector: RDFCVector) throws {
        let signature = try F.hexFile(vector.path("sigHex"))
        #expect(try vector.verificationKey.isValidSignature(signature, for: try F.hexFile(vector.path("combinedHash"))))
        #expect(Multibase.encode(signature, base: .base58BTC) == (try F.text(vector.path("sigBTC58"))))
        #expect(try vector.signed["proof"]?["proofValue"]?.stringValue == (try F.text(vector.path("sigBTC58"))))
    }

    @Test("the signed example verifies with the key of its did:key", arguments: RDFCVector.all)
    func signedExampleVerifies(vector: RDFCVector) throws {
        #expect(try DataIntegrity.verify(securedDocument: try vector.signed, key: try vector.verificationKey) == .valid)
    }

    @Test("a flipped claim fails with the proof check's signatureMismatch", arguments: RDFCVector.all)
    func flippedClaim(vector: RDFCVector) throws {
        let forged = F.modified(try vector.signed) { object in
            object["credentialSubject"] = ["id": "did:example:abcdefgh", "alumniOf": "The School of Forgeries"]
        }
        #expect(try DataIntegrity.verify(securedDocument: forged, key: try vector.verificationKey) == .invalid(reason: .signatureMismatch))
    }

    @Test("signing with the published Ed25519 key reproduces the signed example byte for byte",
          arguments: [RDFCVector.eddsaRDFC, .ed25519Signature2020])
    func signingReproducesVector(vector: RDFCVector) throws {
        let (privateKey, _) = try F.ed25519KeyPair()
        let config = try vector.proofConfig
        let options = DataIntegrityProof.Options(cryptosuite: vector.suite, created: config["created"]?.stringValue,
                                                 verificationMethod: config["verificationMethod"]?.stringValue ?? "",
                                                 proofPurpose: config["proofPurpose"]?.stringValue ?? "")
        let signed = try DataIntegrity.sign(document: .object(try vector.unsigned), options: options, key: privateKey)
        #expect(signed.serialized() == (try vector.signed).serialized())
        #expect(signed.prettyPrinted() == (try F.text(vector.path("signed", "json"))))
    }

    @Test("an ecdsa-rdfc-2019 proof made with the published P-256 key verifies, and matches the vector's configuration")
    func ecdsaSigningRoundTrip() throws {
        let (privateKey, publicKey) = try F.p256KeyPair()
        let vector = RDFCVector.ecdsaP256
        let config = try vector.proofConfig
        let options = DataIntegrityProof.Options(cryptosuite: .ecdsaRDFC2019, created: config["created"]?.stringValue,
                                                 verificationMethod: config["verificationMethod"]?.stringValue ?? "",
                                                 proofPurpose: "assertionMethod")
        let signed = try DataIntegrity.sign(document: .object(try vector.unsigned), options: options, key: privateKey)
        #expect(try DataIntegrity.verify(securedDocument: signed, publicKey: publicKey) == .valid)
        var expectedProof = try vector.signed["proof"]?.objectValue ?? [:]
        var madeProof = signed["proof"]?.objectValue ?? [:]
        // ECDSA signatures are randomized: everything but the signature is the vector's.
        expectedProof.removeValue(forKey: "proofValue")
        madeProof.removeValue(forKey: "proofValue")
        #expect(JSONValue.object(madeProof).serialized() == JSONValue.object(expectedProof).serialized())
    }

    @Test("the employ vectors name a context outside the bundled set: unknownContext names it",
          arguments: ["di-eddsa/eddsa-rdfc-2022/employ/signedDataInt.json", "di-ecdsa/ecdsa-rdfc-2019-p256/employ/signedECDSAP256.json",
                      "di-ecdsa/ecdsa-rdfc-2019-p384/employ/signedECDSAP384.json"])
    func employVectorsNeedAnotherContext(path: String) throws {
        let signed = try F.json(path)
        let vector = path.contains("p384") ? RDFCVector.ecdsaP384 : path.contains("p256") ? .ecdsaP256 : .eddsaRDFC
        let error = #expect(throws: CredentialsError.self) {
            try DataIntegrity.verify(securedDocument: signed, key: try vector.verificationKey)
        }
        #expect(error?.code == .unknownContext)
        #expect(error?.reason.contains("https://w3id.org/citizenship/v4rc1") == true)
    }
}
