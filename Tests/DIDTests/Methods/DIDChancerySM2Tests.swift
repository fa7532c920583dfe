import Chain
import ChainTestSupport
import DID
import Foundation
import KeyCustody
import Primitives
import Testing
import TestVectors

/// did:chancery with SM2: the GM address of an SM2 inception key (FISCO BCOS's derivation), SM2
/// verification methods in documents, and SM2 proofs of DID operations (`specs/did-method.md`).
struct DIDChancerySM2Tests {
    struct AddressVectors: Decodable {
        struct Published: Decodable { let coordinates: String, address: String }
        struct Chancery: Decodable { let privateKey: String, publicKey: String, sm3: String, chainId: String, did: String }
        let published: [Published]
        let chancery: Chancery
    }

    private func vectors() throws -> AddressVectors { try Vectors.json("sm/sm2-address-fisco.json") }

    @Test("FISCO BCOS's published GM addresses: the last 20 bytes of SM3 of x ‖ y")
    func fiscoAddresses() throws {
        for vector in try vectors().published {
            let address = try SM2PublicKey.address(ofCoordinates: hex(vector.coordinates))
            #expect("0x" + Hex.encode(address.bytes) == vector.address)
        }
        #expect(throws: PrimitivesError.self) { try SM2PublicKey.address(ofCoordinates: [UInt8](repeating: 0, count: 65)) }
    }

    @Test("the Annex A key incepts the DID of the test vector, whose address is the tail of SM3(x ‖ y), not of Keccak-256")
    func inceptionVector() throws {
        let vector = try vectors().chancery
        let key = try SM2PrivateKey(rawRepresentation: hex(vector.privateKey))
        #expect(key.publicKey.uncompressedRepresentation == hex(vector.publicKey))
        #expect(Hash.sm3(key.publicKey.uncompressedRepresentation.dropFirst()) == hex(vector.sm3))
        let method = try DIDChancery(chainId: vector.chainId, publicKey: key.publicKey)
        #expect(method.did.description == vector.did)
        #expect(method.address.bytes == Array(hex(vector.sm3).suffix(20)))
        let keccak = try EthereumAddress(publicKey: key.publicKey.uncompressedRepresentation)
        #expect(method.address != keccak)
        #expect(try DIDChancery(DID(parsing: vector.did.lowercased())).did.description == vector.did)
    }

    @Test("the default document of an SM2 inception key holds it as an sm2-pub Multikey in authentication, assertion and invocation")
    func defaultDocument() throws {
        let key = SM2PrivateKey()
        let did = try DIDChancery(chainId: "test-chain", publicKey: key.publicKey).did
        let document = try DIDChancery.defaultDocument(for: did, publicKey: key.publicKey)
        try document.validateStructure()
        let method = try #require(document.verificationMethod.first)
        #expect(method.type == .multikey)
        #expect(try method.publicKeyMaterial() == .sm2(key.publicKey))
        for relationship in [VerificationRelationship.authentication, .assertionMethod, .capabilityInvocation] {
            #expect(document.verificationMethod(method.id, authorizedFor: relationship) != nil)
        }
    }

    @Test("a document with SM2 Multikey and JsonWebKey methods is stored, resolved, and verifies SM2 signatures by them")
    func resolvedSM2Methods() async throws {
        let chain = try DIDChain()
        let alice = try chain.newIdentity("alice")
        let sm2Key = SM2PrivateKey()
        var document = try DIDChancery.defaultDocument(for: alice.did, publicKey: alice.publicKey)
        let multikey = VerificationMethod(id: try DIDURL(did: alice.did, fragment: "sm2-1"), controller: alice.did, multikey: .sm2(sm2Key.publicKey))
        let jwk = VerificationMethod(id: try DIDURL(did: alice.did, fragment: "sm2-2"), controller: alice.did, jsonWebKey: .sm2(sm2Key.publicKey))
        document.verificationMethod += [multikey, jwk]
        document[.assertionMethod] = document[.assertionMethod] + [.reference(multikey.id), .reference(jwk.id)]
        try await chain.submit(.create, did: alice.did, document: document, previousVersionId: 0, signer: alice.key)

        let resolved = try #require(await chain.resolver.resolve(alice.did).didDocument)
        let message = Array("an SM2 assertion".utf8)
        let signature = try sm2Key.signature(for: message).rawRepresentation
        for id in [multikey.id, jwk.id] {
            let method = try #require(resolved.verificationMethod(id, authorizedFor: .assertionMethod))
            let key = try method.publicKeyMaterial()
            #expect(key == .sm2(sm2Key.publicKey))
            #expect(key.isValidSignature(signature, for: message))
            #expect(!key.isValidSignature(signature, for: message + [0]))
        }
        #expect(resolved.verificationMethods(authorizedFor: .assertionMethod).count == 3)
    }

    private func submit(_ operation: DIDOperation, to chain: DIDChain) async throws {
        try await chain.chain.submit(type: operation.kind.transactionType, body: operation.body)
    }

    @Test("an SM2 inception key creates its DID with a 97-byte proof (r ‖ s ‖ key), then updates and deactivates it as its controller key")
    func sm2Lifecycle() async throws {
        let chain = try DIDChain()
        let chainId = chain.chain.chainId
        let key = SM2PrivateKey()
        let did = try DIDChancery(chainId: chainId, publicKey: key.publicKey).did
        var document = try DIDChancery.defaultDocument(for: did, publicKey: key.publicKey)
        let create = try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chainId, privateKey: key)
        #expect(create.proof.count == DIDOperation.sm2ProofLength)
        #expect(try create.signingKey(chainId: chainId) == .sm2(key.publicKey))
        #expect(throws: DIDError(.unauthorized)) { try create.signer(chainId: chainId) }
        try await submit(create, to: chain)
        #expect(await chain.resolver.resolve(did).didDocumentMetadata.versionId == "1")

        document.alsoKnownAs = ["urn:example:gm"]
        try await submit(try DIDOperation.signed(.update, did: did, document: document, previousVersionId: 1, chainId: chainId, privateKey: key), to: chain)
        let stranger = SM2PrivateKey()
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await submit(try DIDOperation.signed(.deactivate, did: did, document: nil, previousVersionId: 2, chainId: chainId, privateKey: stranger), to: chain)
        }
        try await submit(try DIDOperation.signed(.deactivate, did: did, document: nil, previousVersionId: 2, chainId: chainId, privateKey: key), to: chain)
        #expect(await chain.resolver.resolve(did).didDocumentMetadata.deactivated == true)
    }

    @Test("creation is refused for an SM2 key whose address is not the DID's, and for an altered SM2 proof")
    func sm2CreateRefusals() async throws {
        let chain = try DIDChain()
        let chainId = chain.chain.chainId
        let key = SM2PrivateKey(), other = SM2PrivateKey()
        let did = try DIDChancery(chainId: chainId, publicKey: key.publicKey).did
        let document = try DIDChancery.defaultDocument(for: did, publicKey: key.publicKey)
        await #expect(throws: ChainError(.unauthorized, "")) {
            try await submit(try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chainId, privateKey: other), to: chain)
        }
        let signed = try DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chainId, privateKey: key)
        var body = try #require(try JSONValue(parsing: signed.body).objectValue)
        var proof = signed.proof
        proof[10] ^= 1
        body["proof"] = .string(Base64URL.encode(proof))
        let altered = try DIDOperation(kind: .create, body: JCS.canonicalize(.object(body)))
        #expect(throws: DIDError(.unauthorized)) { try altered.signingKey(chainId: chainId) }
        await #expect(throws: (any Error).self) { try await submit(altered, to: chain) }
        #expect(await chain.resolver.resolve(did).error == DIDError(.notFound))
    }

    @Test("an SM2 key in partial custody signs DID operations through DIDOperation.signed(custodian:), but never under a delegation")
    func sm2Custodian() async throws {
        let chain = try DIDChain()
        let chainId = chain.chain.chainId
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("did-sm2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let custodian = try SoftwareCustodian(creating: directory.appendingPathComponent("k.json").path, password: "pw",
                                              parameters: try Argon2id.Parameters(opsLimit: 1, memLimit: 8192))
        let publicKey = try #require(custodian.generateKey(name: "gm", type: .sm2).sm2)
        let did = try DIDChancery(chainId: chainId, publicKey: publicKey).did
        let document = try DIDChancery.defaultDocument(for: did, publicKey: publicKey)
        let operation = try await DIDOperation.signed(.create, did: did, document: document, previousVersionId: 0, chainId: chainId,
                                                      custodian: custodian, key: KeyReference("gm"))
        try await submit(operation, to: chain)
        #expect(await chain.resolver.resolve(did).didDocument == document.represented(as: DIDMediaType.did))
        await #expect(throws: DIDError(.unauthorized)) {
            try await DIDOperation.signed(.update, did: did, document: document, previousVersionId: 1, chainId: chainId,
                                          delegation: try DelegationID(hex: String(repeating: "ab", count: 32)),
                                          custodian: custodian, key: KeyReference("gm"))
        }
    }
}
