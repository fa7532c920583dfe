import DID
import Primitives
import Testing

/// P-384 keys (verified in ecdsa-rdfc-2019 proofs) and the legacy Ed25519VerificationKey2018
/// method type, against the did:key test vectors (specs/vectors/did-key).
struct PublicKeyP384Tests {
    @Test("every P-384 did:key vector (z82…) reads as a P-384 key whose Multikey is the DID and whose JWK is the published one")
    func p384Vectors() throws {
        let vectors = try DIDKeyVector.load("nist-curves.json", prefix: "did:key:z82")
        #expect(vectors.count == 2)
        for vector in vectors {
            let didKey = try DIDKey(parsing: vector.did)
            guard case .p384(let key) = didKey.publicKey else {
                Issue.record("\(vector.did) is not read as P-384")
                continue
            }
            #expect(key.compressedRepresentation.count == 49)
            #expect(didKey.publicKey.multicodec.name == "p384-pub")
            #expect(didKey.did.description == vector.did)
            #expect(didKey.publicKey.jwsAlgorithm == "ES384")
            let published = try JWK(json: try #require(vector.verificationKey["publicKeyJwk"]))
            #expect(try PublicKeyMaterial(jwk: published) == didKey.publicKey)
            #expect(didKey.publicKey.jwk.x == published.x)
            #expect(didKey.publicKey.jwk.y == published.y)
        }
    }

    @Test("a P-384 Multikey of the wrong length is invalidPublicKey")
    func p384Malformed() {
        let short = Multibase.encode(Multicodec.p384Pub.prefixing([0x02] + [UInt8](repeating: 1, count: 32)), base: .base58BTC)
        #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(multikey: short) }
    }

    @Test("an Ed25519VerificationKey2018 method reads publicKeyBase58 or publicKeyMultibase, and refuses other curves and bad text")
    func ed25519VerificationKey2018() throws {
        let did = try DID(parsing: "did:example:legacy")
        let id = try DIDURL(did: did, fragment: "key-1")
        let key = Ed25519PrivateKey().publicKey
        let base58 = VerificationMethod(id: id, type: .ed25519VerificationKey2018, controller: did,
                                        additionalProperties: ["publicKeyBase58": .string(Base58BTC.encode(key.rawRepresentation))])
        #expect(try base58.publicKeyMaterial() == .ed25519(key))
        let multibase = VerificationMethod(id: id, type: .ed25519VerificationKey2018, controller: did,
                                           publicKeyMultibase: PublicKeyMaterial.ed25519(key).multikey)
        #expect(try multibase.publicKeyMaterial() == .ed25519(key))
        let p256 = VerificationMethod(id: id, type: .ed25519VerificationKey2018, controller: did,
                                      publicKeyMultibase: PublicKeyMaterial.p256(P256PrivateKey().publicKey).multikey)
        #expect(throws: DIDError(.invalidPublicKey)) { try p256.publicKeyMaterial() }
        for text in ["0OIl", Base58BTC.encode([UInt8](repeating: 1, count: 31)), String(repeating: "z", count: 200)] {
            let bad = VerificationMethod(id: id, type: .ed25519VerificationKey2018, controller: did, additionalProperties: ["publicKeyBase58": .string(text)])
            #expect(throws: DIDError(.invalidPublicKey), "\(text)") { try bad.publicKeyMaterial() }
        }
        let none = VerificationMethod(id: id, type: .ed25519VerificationKey2018, controller: did)
        #expect(throws: DIDError(.invalidPublicKey)) { try none.publicKeyMaterial() }
    }
}
