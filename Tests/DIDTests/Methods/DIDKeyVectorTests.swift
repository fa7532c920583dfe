import DID
import Primitives
import Testing
import TestVectors

/// The W3C CCG did:key test vectors (specs/vectors/did-key): each key derives its DID, and the
/// resolved document carries the vector's keys. The vectors use the older 2018-2021 method
/// types; this module writes `Multikey`, so key bytes and ids are compared, not type strings.
struct DIDKeyVectorTests {
    private static let signingRelationships: [VerificationRelationship] =
        [.authentication, .assertionMethod, .capabilityInvocation, .capabilityDelegation]

    /// Resolves `vector.did` and checks the document against the vector's document.
    private func resolveAndCompare(_ vector: DIDKeyVector) async throws -> DIDDocument {
        let result = await DIDKey.Resolver().resolve(parsing: vector.did)
        #expect(result.didResolutionMetadata.contentType == DIDMediaType.did)
        let ours = try #require(result.didDocument, "\(vector.did): \(String(describing: result.error))")
        try ours.validateStructure()
        let theirs = try vector.document()
        #expect(ours.id == theirs.id)
        for relationship in Self.signingRelationships {
            #expect(ours[relationship].map(\.id) == theirs[relationship].map(\.id), "\(vector.did) \(relationship)")
        }
        for method in ours.verificationMethod {
            let theirMethod = try #require(theirs.verificationMethod.first { $0.id == method.id }, "\(method.id)")
            let ourBytes = try DIDKeyIdentifier(parsing: #require(method.publicKeyMultibase)).publicKey
            #expect(ourBytes == (try vectorKeyBytes(theirMethod.jsonValue)), "\(method.id)")
            #expect(method.type == .multikey)
            #expect(method.controller == ours.id)
        }
        return ours
    }

    /// Signs through the private key and verifies through the resolved assertion method.
    private func expectSignatureVerifies(_ document: DIDDocument, _ key: DIDKey, sign: ([UInt8]) throws -> [UInt8]) throws {
        let message = Array("assertion by \(key.did)".utf8)
        let method = try #require(document.verificationMethod(key.verificationMethodID, authorizedFor: .assertionMethod))
        let signature = try sign(message)
        #expect(try method.publicKeyMaterial().isValidSignature(signature, for: message))
        #expect(try !method.publicKeyMaterial().isValidSignature(signature, for: message + [0]))
    }

    @Test("Ed25519 vectors: seed → DID, document keys, and the X25519 keyAgreement key")
    func ed25519() async throws {
        let vectors = try DIDKeyVector.load("ed25519-x25519.json")
        #expect(vectors.count == 5)
        for vector in vectors {
            let privateKey = try Ed25519PrivateKey(seed: SecureBytes(hex(vector.entry["seed"]!.stringValue!)))
            #expect(privateKey.publicKey.rawRepresentation == (try vectorKeyBytes(vector.verificationKey)))
            let didKey = try DIDKey(publicKey: .ed25519(privateKey.publicKey))
            #expect(didKey.did.description == vector.did)
            let agreement = try #require(vector.entry["keyAgreementKeyPair"])
            #expect(didKey.keyAgreementKey?.rawRepresentation == (try vectorKeyBytes(agreement)))

            let document = try await resolveAndCompare(vector)
            #expect(document.verificationMethod.count == 2)
            #expect(document.keyAgreement.map(\.id) == (try vector.document().keyAgreement.map(\.id)))
            #expect(document.keyAgreement.first?.id.fragment == agreement["id"]!.stringValue!.split(separator: "#").last.map(String.init))
            try expectSignatureVerifies(document, didKey) { privateKey.signature(for: $0) }
        }
    }

    @Test("secp256k1 vectors: private key → DID and document keys, JWK form included")
    func secp256k1() async throws {
        let vectors = try DIDKeyVector.load("secp256k1.json")
        #expect(vectors.count == 6)
        for vector in vectors {
            let scalar = try vector.entry["seed"].map { hex($0.stringValue!) }
                ?? Base64URL.decode(vector.verificationKey["privateKeyJwk"]!["d"]!.stringValue!)
            let privateKey = try Secp256k1PrivateKey(rawRepresentation: scalar)
            let didKey = try DIDKey(publicKey: .secp256k1(privateKey.publicKey))
            #expect(didKey.did.description == vector.did)
            #expect(didKey.keyAgreementKey == nil)
            if let jwk = vector.verificationKey["publicKeyJwk"] {
                let method = try VerificationMethod(json: vector.verificationKey, relativeTo: didKey.did)
                #expect(method.type == .jsonWebKey2020)
                #expect(try method.publicKeyMaterial() == didKey.publicKey)
                #expect(didKey.publicKey.jwk.jsonValue == jwk)
            }
            let document = try await resolveAndCompare(vector)
            // The vectors predate the current spec and list the signing key under keyAgreement;
            // did:key now derives a keyAgreement key from Ed25519 keys only.
            #expect(document.keyAgreement.isEmpty)
            try expectSignatureVerifies(document, didKey) { try privateKey.signature(forDigest: Hash.sha256($0)).compactRepresentation }
        }
    }

    @Test("P-256 vectors: private key → DID (zDn…) and document keys")
    func p256() async throws {
        let vectors = try DIDKeyVector.load("nist-curves.json", prefix: "did:key:zDn")
        #expect(vectors.count == 3)
        for vector in vectors {
            let scalar = try vector.verificationKey["privateKeyJwk"].map { try Base64URL.decode($0["d"]!.stringValue!) }
                ?? base58(vector.verificationKey["privateKeyBase58"]!.stringValue!)
            let privateKey = try P256PrivateKey(rawRepresentation: scalar)
            let didKey = try DIDKey(publicKey: .p256(privateKey.publicKey))
            #expect(didKey.did.description == vector.did)
            let document = try await resolveAndCompare(vector)
            #expect(document.keyAgreement.isEmpty)
            try expectSignatureVerifies(document, didKey) { try privateKey.signature(for: $0) }
        }
    }

    @Test("a Data Integrity proof's did:key method resolves to the key that verifies its signature")
    func dataIntegrityProof() async throws {
        // The proof's verificationMethod in vc-di-ecdsa's signedJCSECDSAP256.json.
        let url = try DIDURL(parsing: "did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP")
        let document = try #require(await DIDKey.Resolver().resolve(url.did).didDocument)
        let method = try #require(document.verificationMethod(url, authorizedFor: .assertionMethod))
        let message = hex(try Vectors.text("di-ecdsa/ecdsa-jcs-2019-p256/combinedHashJCSECDSAP256.txt"))
        let signature = hex(try Vectors.text("di-ecdsa/ecdsa-jcs-2019-p256/sigHexJCSECDSAP256.txt"))
        #expect(try method.publicKeyMaterial().isValidSignature(signature, for: message))
    }
}
