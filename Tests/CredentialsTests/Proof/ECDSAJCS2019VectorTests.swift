import Credentials
import Primitives
import Testing

/// W3C vc-di-ecdsa ecdsa-jcs-2019 with P-256: the intermediates and the published signature.
@Suite("ecdsa-jcs-2019 P-256 test vectors")
struct ECDSAJCS2019VectorTests {
    typealias F = DataIntegrityFixtures
    let suite = DataIntegrityCryptosuite.ecdsaJCS2019
    let dir = "di-ecdsa/ecdsa-jcs-2019-p256/"

    @Test("the transformation and its hash match canonDocJCSECDSAP256 and docHashJCSECDSAP256")
    func transformation() throws {
        let unsigned = try #require(try F.json("di-ecdsa/unsigned.json").objectValue)
        let transformed = suite.transform(unsigned)
        #expect(transformed == (try F.bytes(dir + "canonDocJCSECDSAP256.txt")))
        #expect(Hash.sha256(transformed) == (try F.hexFile(dir + "docHashJCSECDSAP256.txt")))
    }

    @Test("the proof configuration, its hash and hashData match the P-256 vectors")
    func proofConfiguration() throws {
        let config = try #require(try F.json(dir + "proofConfigJCSECDSAP256.json").objectValue)
        let canonical = try suite.configure(config)
        #expect(canonical == (try F.bytes(dir + "proofCanonJCSECDSAP256.txt")))
        #expect(Hash.sha256(canonical) == (try F.hexFile(dir + "proofHashJCSECDSAP256.txt")))
        let unsigned = try #require(try F.json("di-ecdsa/unsigned.json").objectValue)
        let hashData = suite.hashData(transformedDocument: suite.transform(unsigned), proofConfig: canonical)
        #expect(hashData == (try F.hexFile(dir + "combinedHashJCSECDSAP256.txt")))
    }

    @Test("the published signature is ECDSA P-256 / SHA-256 over hashData and encodes to sigBTC58")
    func publishedSignature() throws {
        let (privateKey, publicKey) = try F.p256KeyPair()
        #expect(privateKey.publicKey == publicKey)
        let signature = try F.hexFile(dir + "sigHexJCSECDSAP256.txt")
        let hashData = try F.hexFile(dir + "combinedHashJCSECDSAP256.txt")
        #expect(publicKey.isValidSignature(signature, for: hashData))
        #expect(!publicKey.isValidSignature(signature, for: Hash.sha256(hashData)))
        #expect(Multibase.encode(signature, base: .base58BTC) == (try F.text(dir + "sigBTC58JCSECDSAP256.txt")))
    }

    @Test("signedJCSECDSAP256.json verifies with the published public key")
    func verifyVector() throws {
        let (_, publicKey) = try F.p256KeyPair()
        let signed = try F.json(dir + "signedJCSECDSAP256.json")
        #expect(try DataIntegrity.verify(securedDocument: signed, publicKey: publicKey) == .valid)
    }

    @Test("our own signature of unsigned.json matches the vector except proofValue and verifies")
    func signThenVerify() throws {
        let (privateKey, publicKey) = try F.p256KeyPair()
        let options = F.options(try F.json(dir + "proofConfigJCSECDSAP256.json"))
        let signed = try DataIntegrity.sign(document: try F.json("di-ecdsa/unsigned.json"), options: options, key: privateKey)
        let withoutValue = F.modifiedProof(signed) { $0["proofValue"] = nil }
        let expected = F.modifiedProof(try F.json(dir + "signedJCSECDSAP256.json")) { $0["proofValue"] = nil }
        #expect(withoutValue.serialized() == expected.serialized())
        #expect(try DataIntegrity.verify(securedDocument: signed, publicKey: publicKey) == .valid)
    }
}
