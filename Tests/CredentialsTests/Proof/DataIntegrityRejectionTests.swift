import Credentials
import Primitives
import Testing

/// Tampered, mis-keyed and malformed proofs: an `.invalid` reason for proofs that do not hold,
/// `CredentialsError.invalidProof` for those that cannot be read.
@Suite("Data Integrity rejections")
struct DataIntegrityRejectionTests {
    typealias F = DataIntegrityFixtures
    static let eddsaSigned = "di-eddsa/eddsa-jcs-2022/signedJCS.json"
    static let ecdsaSigned = "di-ecdsa/ecdsa-jcs-2019-p256/signedJCSECDSAP256.json"

    func verifyEd25519(_ document: JSONValue) throws -> DataIntegrityVerification {
        try DataIntegrity.verify(securedDocument: document, publicKey: try F.ed25519KeyPair().1)
    }

    func expectInvalidProof(_ body: () throws -> Any) {
        let error = #expect(throws: CredentialsError.self) { _ = try body() }
        #expect(error?.code == .invalidProof)
    }

    /// The document with one byte of its signature flipped, re-encoded as valid base58btc.
    func flippedSignature(_ path: String) throws -> JSONValue {
        let signed = try F.json(path)
        var signature = try Multibase.decode(try #require(signed["proof"]?["proofValue"]?.stringValue))
        signature[10] ^= 0x01
        return F.modifiedProof(signed) { $0["proofValue"] = .string(Multibase.encode(signature, base: .base58BTC)) }
    }

    @Test("a flipped signature byte is a signature mismatch for both suites")
    func flippedProofValue() throws {
        #expect(try verifyEd25519(try flippedSignature(Self.eddsaSigned)) == .invalid(reason: .signatureMismatch))
        let p256 = try F.p256KeyPair().1
        let result = try DataIntegrity.verify(securedDocument: try flippedSignature(Self.ecdsaSigned), publicKey: p256)
        #expect(result == .invalid(reason: .signatureMismatch))
    }

    @Test("a changed document member or proof option is a signature mismatch")
    func tamperedContent() throws {
        let signed = try F.json(Self.eddsaSigned)
        let renamed = F.modified(signed) { $0["name"] = .string("Forged Credential") }
        #expect(try verifyEd25519(renamed) == .invalid(reason: .signatureMismatch))
        let redated = F.modifiedProof(signed) { $0["created"] = .string("2024-02-24T23:36:38Z") }
        #expect(try verifyEd25519(redated) == .invalid(reason: .signatureMismatch))
    }

    @Test("another key of the right algorithm is a signature mismatch, of the wrong one a key mismatch")
    func wrongKey() throws {
        let signed = try F.json(Self.eddsaSigned)
        let other = Ed25519PrivateKey().publicKey
        #expect(try DataIntegrity.verify(securedDocument: signed, publicKey: other) == .invalid(reason: .signatureMismatch))
        let p256 = P256PrivateKey().publicKey
        #expect(try DataIntegrity.verify(securedDocument: signed, publicKey: p256) == .invalid(reason: .keyDoesNotMatchCryptosuite))
    }

    @Test("a proof @context that is not a prefix of the document's is a context mismatch")
    func contextMismatch() throws {
        let signed = F.modifiedProof(try F.json(Self.eddsaSigned)) { $0["@context"] = ["https://example.org/other/v1"] }
        #expect(try verifyEd25519(signed) == .invalid(reason: .contextMismatch))
    }

    @Test("a missing or unknown cryptosuite, a bad proofValue or no proof cannot be read")
    func malformedProofs() throws {
        let signed = try F.json(Self.eddsaSigned)
        expectInvalidProof { try verifyEd25519(F.modifiedProof(signed) { $0["cryptosuite"] = nil }) }
        expectInvalidProof { try verifyEd25519(F.modifiedProof(signed) { $0["cryptosuite"] = "bbs-2023" }) }
        expectInvalidProof { try verifyEd25519(F.modifiedProof(signed) { $0["type"] = "Ed25519Signature2020" }) }
        expectInvalidProof { try verifyEd25519(F.modifiedProof(signed) { $0["proofValue"] = "z0OIl" }) }
        expectInvalidProof { try verifyEd25519(F.modifiedProof(signed) { $0["proofValue"] = "uAAAA" }) }
        expectInvalidProof { try verifyEd25519(F.modifiedProof(signed) { $0["proofValue"] = "z2HnFSSPPBzR36zd" }) }
        expectInvalidProof { try verifyEd25519(F.modified(signed) { $0["proof"] = nil }) }
        expectInvalidProof { try verifyEd25519("not a document") }
    }

    @Test("signing refuses a document with a proof and a key of another cryptosuite")
    func signingRefusals() throws {
        let (privateKey, _) = try F.ed25519KeyPair()
        let options = F.options(try F.json("di-eddsa/eddsa-jcs-2022/proofConfigJCS.json"))
        expectInvalidProof { try DataIntegrity.sign(document: try F.json(Self.eddsaSigned), options: options, key: privateKey) }
        let unsigned = try F.json("di-eddsa/unsigned.json")
        expectInvalidProof { try DataIntegrity.sign(document: unsigned, options: options, key: P256PrivateKey()) }
    }
}
