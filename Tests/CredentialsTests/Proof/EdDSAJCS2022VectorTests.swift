import Credentials
import Primitives
import Testing

/// W3C vc-di-eddsa §3.3 eddsa-jcs-2022, every intermediate of the published test vectors.
@Suite("eddsa-jcs-2022 test vectors")
struct EdDSAJCS2022VectorTests {
    typealias F = DataIntegrityFixtures
    let suite = DataIntegrityCryptosuite.eddsaJCS2022
    let dir = "di-eddsa/eddsa-jcs-2022/"

    @Test("the transformation and its hash match canonDocJCS and docHashJCS")
    func transformation() throws {
        let unsigned = try #require(try F.json("di-eddsa/unsigned.json").objectValue)
        let transformed = suite.transform(unsigned)
        #expect(transformed == (try F.bytes(dir + "canonDocJCS.txt")))
        #expect(Hash.sha256(transformed) == (try F.hexFile(dir + "docHashJCS.txt")))
    }

    @Test("the proof configuration, its hash and hashData match proofCanonJCS, proofHashJCS and combinedHashJCS")
    func proofConfiguration() throws {
        let config = try #require(try F.json(dir + "proofConfigJCS.json").objectValue)
        let canonical = try suite.configure(config)
        #expect(canonical == (try F.bytes(dir + "proofCanonJCS.txt")))
        #expect(Hash.sha256(canonical) == (try F.hexFile(dir + "proofHashJCS.txt")))
        let unsigned = try #require(try F.json("di-eddsa/unsigned.json").objectValue)
        let hashData = suite.hashData(transformedDocument: suite.transform(unsigned), proofConfig: canonical)
        #expect(hashData == (try F.hexFile(dir + "combinedHashJCS.txt")))
    }

    @Test("the key pair's seed signs combinedHashJCS into sigHexJCS and sigBTC58JCS")
    func proofSerialization() throws {
        let (privateKey, publicKey) = try F.ed25519KeyPair()
        #expect(privateKey.publicKey == publicKey)
        let signature = privateKey.signature(for: try F.hexFile(dir + "combinedHashJCS.txt"))
        #expect(signature == (try F.hexFile(dir + "sigHexJCS.txt")))
        #expect(Multibase.encode(signature, base: .base58BTC) == (try F.text(dir + "sigBTC58JCS.txt")))
    }

    @Test("signing unsigned.json reproduces signedJCS.json byte for byte")
    func signReproducesVector() throws {
        let (privateKey, _) = try F.ed25519KeyPair()
        let options = F.options(try F.json(dir + "proofConfigJCS.json"))
        let signed = try DataIntegrity.sign(document: try F.json("di-eddsa/unsigned.json"), options: options, key: privateKey)
        let expected = try F.json(dir + "signedJCS.json")
        #expect(signed.serialized() == expected.serialized())
        #expect(signed.prettyPrinted() == (try F.text(dir + "signedJCS.json")))
    }

    @Test("signedJCS.json verifies with the published public key")
    func verifyVector() throws {
        let (_, publicKey) = try F.ed25519KeyPair()
        #expect(try DataIntegrity.verify(securedDocument: try F.json(dir + "signedJCS.json"), publicKey: publicKey) == .valid)
    }
}
