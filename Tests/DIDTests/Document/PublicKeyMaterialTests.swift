import DID
import Primitives
import Testing

struct PublicKeyMaterialTests {
    @Test("Multikeys of every supported curve decode and re-encode to the same text", arguments: [
        ("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "EdDSA"),
        ("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", "ES256K"),
        ("zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv", "ES256"),
    ])
    func multikeyRoundTrip(multikey: String, algorithm: String) throws {
        let key = try PublicKeyMaterial(multikey: multikey)
        #expect(key.multikey == multikey)
        #expect(key.jwsAlgorithm == algorithm)
        #expect(try PublicKeyMaterial(jwk: key.jwk) == key)
    }

    @Test("the JWKs of the did:key vectors decode to the key their DID encodes")
    func vectorJWKs() throws {
        let vectors = try DIDKeyVector.load("secp256k1.json") + DIDKeyVector.load("nist-curves.json", prefix: "did:key:zDn")
        var checked = 0
        for vector in vectors {
            guard let jwkJSON = vector.verificationKey["publicKeyJwk"] else { continue }
            let key = try PublicKeyMaterial(jwk: JWK(json: jwkJSON))
            let identifier = try DIDKeyIdentifier(parsing: String(vector.did.dropFirst("did:key:".count)))
            #expect(key.multikeyBytes == identifier.publicKey, "\(vector.did)")
            #expect(key.jwk.jsonValue == jwkJSON, "\(vector.did)")
            checked += 1
        }
        #expect(checked == 3)
    }

    @Test("malformed Multikeys are invalidPublicKey, other key types unsupportedPublicKeyType")
    func multikeyErrors() throws {
        for text in ["", "z", "z0OIl", "uAQID", "6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"] {
            #expect(throws: DIDError(.invalidPublicKey), "\(text)") { try PublicKeyMaterial(multikey: text) }
        }
        let uncompressed = Multibase.encode(Multicodec.secp256k1Pub.prefixing([0x04] + [UInt8](repeating: 1, count: 64)), base: .base58BTC)
        let offCurve = Multibase.encode(Multicodec.p256Pub.prefixing([0x02] + [UInt8](repeating: 0xff, count: 32)), base: .base58BTC)
        let shortEd25519 = Multibase.encode(Multicodec.ed25519Pub.prefixing([UInt8](repeating: 1, count: 31)), base: .base58BTC)
        for text in [uncompressed, offCurve, shortEd25519] {
            #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(multikey: text) }
        }
        // X25519 (did:key x25519.json) and BLS12-381 (bls12381.json) keys sign nothing here.
        let bls = try #require(DIDKeyVector.load("bls12381.json").first).did.dropFirst("did:key:".count)
        for text in ["z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F", String(bls)] {
            #expect(throws: DIDError(.unsupportedPublicKeyType), "\(text)") { try PublicKeyMaterial(multikey: text) }
        }
    }

    @Test("JWKs of unsupported curves or with bad coordinates are refused")
    func jwkErrors() throws {
        let p521 = try #require(DIDKeyVector.load("nist-curves.json", prefix: "did:key:z2J9").first)
        #expect(throws: DIDError(.unsupportedPublicKeyType)) { try PublicKeyMaterial(jwk: JWK(json: p521.verificationKey["publicKeyJwk"]!)) }
        let offCurve: JSONValue = ["kty": "EC", "crv": "secp256k1", "x": .string(Base64URL.encode([UInt8](repeating: 0, count: 32))),
                                   "y": .string(Base64URL.encode([UInt8](repeating: 0, count: 32)))]
        #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(jwk: JWK(json: offCurve)) }
        let shortX: JSONValue = ["kty": "OKP", "crv": "Ed25519", "x": "AAAA"]
        #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(jwk: JWK(json: shortX)) }
    }

    @Test("verification method types decode only the key members and curves they promise")
    func methodTypes() throws {
        let did = try SampleDocuments.did()
        let id = try DIDURL(did: did, fragment: "k")
        let secp = try PublicKeyMaterial(multikey: "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme")
        let legacySecp = VerificationMethod(id: id, type: .ecdsaSecp256k1VerificationKey2019, controller: did, publicKeyJwk: secp.jwk)
        #expect(try legacySecp.publicKeyMaterial() == secp)
        let legacyJWK = VerificationMethod(id: id, type: .jsonWebKey2020, controller: did, publicKeyJwk: secp.jwk)
        #expect(try legacyJWK.publicKeyMaterial() == secp)
        let wrongCurve = VerificationMethod(id: id, type: .ed25519VerificationKey2020, controller: did, publicKeyMultibase: secp.multikey)
        #expect(throws: DIDError(.invalidPublicKey)) { try wrongCurve.publicKeyMaterial() }
        let missing = VerificationMethod(id: id, type: .multikey, controller: did, publicKeyJwk: secp.jwk)
        #expect(throws: DIDError(.invalidPublicKey)) { try missing.publicKeyMaterial() }
        let unknown = VerificationMethod(id: id, type: .init("RsaVerificationKey2018"), controller: did)
        #expect(throws: DIDError(.unsupportedPublicKeyType)) { try unknown.publicKeyMaterial() }
    }
}
