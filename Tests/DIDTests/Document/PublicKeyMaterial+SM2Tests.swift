import DID
import Primitives
import Testing
import TestVectors

/// SM2 keys in DID documents: the JWK (`crv` `SM2`) and Multikey (`sm2-pub`, 0x1206) forms, and
/// signature verification, against the GM/T 0003.5 Annex A example.
struct PublicKeySM2Tests {
    static let annexPrivateKey = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"
    static let annexPublicKey = "0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13"

    private var annexKey: SM2PublicKey { get throws { try SM2PublicKey(hex(Self.annexPublicKey)) } }

    @Test("an SM2 key's JWK is EC/SM2 with 32-byte x and y, and reads back to the same key")
    func jwkForm() throws {
        let key = PublicKeyMaterial.sm2(try annexKey)
        let jwk = key.jwk
        #expect(jwk.kty == "EC")
        #expect(jwk.crv == "SM2")
        #expect(jwk.x == Array(hex(Self.annexPublicKey)[1...32]))
        #expect(jwk.y == Array(hex(Self.annexPublicKey)[33...64]))
        #expect(try PublicKeyMaterial(jwk: jwk) == key)
        #expect(key.jwsAlgorithm == "SM2SM3")
    }

    @Test("an SM2 Multikey is z + base58btc(0x86 0x24 ‖ compressed point) and reads back")
    func multikeyForm() throws {
        let key = PublicKeyMaterial.sm2(try annexKey)
        #expect(key.multicodec == .sm2Pub)
        #expect(key.multicodec.name == "sm2-pub")
        let decoded = try Multibase.decode(key.multikey, expecting: .base58BTC)
        #expect(Array(decoded.prefix(2)) == [0x86, 0x24])
        #expect(Array(decoded.dropFirst(2)) == (try annexKey).compressedRepresentation)
        #expect(try PublicKeyMaterial(multikey: key.multikey) == key)
    }

    @Test("malformed SM2 keys are invalidPublicKey: short coordinates, a point off the curve, an uncompressed Multikey")
    func malformed() throws {
        let point = hex(Self.annexPublicKey)
        let short = try JWK(json: ["kty": "EC", "crv": "SM2", "x": .string(Base64URL.encode(point[1...31])),
                                   "y": .string(Base64URL.encode(point[33...64]))])
        #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(jwk: short) }
        var y = Array(point[33...64])
        y[31] ^= 1
        let offCurve = try JWK(json: ["kty": "EC", "crv": "SM2", "x": .string(Base64URL.encode(point[1...32])), "y": .string(Base64URL.encode(y))])
        #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(jwk: offCurve) }
        let uncompressed = Multibase.encode(Multicodec.sm2Pub.prefixing(point), base: .base58BTC)
        #expect(throws: DIDError(.invalidPublicKey)) { try PublicKeyMaterial(multikey: uncompressed) }
    }

    @Test("the Annex A signature (r ‖ s of 'message digest', identifier 1234567812345678) verifies through the key; a changed message or identifier does not")
    func publishedSignature() throws {
        struct Example: Decodable { let message: String, r: String, s: String }
        let example: Example = try Vectors.json("sm/sm2-sign-gmt0003.5-annex-a.json")
        let key = PublicKeyMaterial.sm2(try annexKey)
        let signature = hex(example.r) + hex(example.s)
        #expect(key.isValidSignature(signature, for: Array(example.message.utf8)))
        #expect(!key.isValidSignature(signature, for: Array("message digesT".utf8)))
        #expect(!key.isValidSignature(signature.dropLast(), for: Array(example.message.utf8)))
        let der = try SM2Signature(rawRepresentation: signature).derRepresentation
        #expect(!key.isValidSignature(der, for: Array(example.message.utf8)), "JOSE carries r ‖ s only")
        let otherIdentifier = try SM2PrivateKey(rawRepresentation: hex(Self.annexPrivateKey))
            .signature(for: Array(example.message.utf8), distinguishingIdentifier: Array("ALICE123@YAHOO.COM".utf8))
        #expect(!key.isValidSignature(otherIdentifier.rawRepresentation, for: Array(example.message.utf8)))
    }

    @Test("did:key refuses SM2 keys: the did:key method defines no SM2 type")
    func noDIDKey() throws {
        #expect(throws: DIDError(.unsupportedPublicKeyType)) { try DIDKey(publicKey: .sm2(try annexKey)) }
        let multikey = PublicKeyMaterial.sm2(try annexKey).multikey
        #expect(throws: DIDError(.unsupportedPublicKeyType)) { try DIDKey(parsing: "did:key:" + multikey) }
    }

    @Test("Multikey and JsonWebKey verification methods hold SM2 keys; a secp256k1 legacy type refuses one")
    func verificationMethods() throws {
        let did = try DID(parsing: "did:chancery:test-chain:0x2119E1EcC071C2F3d915245C8d9c5A2CB131A89D")
        let key = PublicKeyMaterial.sm2(try annexKey)
        let multikey = VerificationMethod(id: try DIDURL(did: did, fragment: "key-1"), controller: did, multikey: key)
        let jwk = VerificationMethod(id: try DIDURL(did: did, fragment: "key-2"), controller: did, jsonWebKey: key)
        #expect(try multikey.publicKeyMaterial() == key)
        #expect(try jwk.publicKeyMaterial() == key)
        let legacy = VerificationMethod(id: try DIDURL(did: did, fragment: "key-3"), type: .ecdsaSecp256k1VerificationKey2019,
                                        controller: did, publicKeyMultibase: key.multikey)
        #expect(throws: DIDError(.invalidPublicKey)) { try legacy.publicKeyMaterial() }
    }
}
