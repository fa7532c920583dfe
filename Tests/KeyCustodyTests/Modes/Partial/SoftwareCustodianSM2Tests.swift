import KeyCustody
import Primitives
import Testing
import TestVectors

@Suite("SoftwareCustodian with SM2 keys")
struct SoftwareCustodianSM2Tests {
    let message = Array("chancery partial custody, SM2".utf8)

    @Test("An SM2 key generated, saved and reopened signs SM2 signatures that its public key verifies")
    func roundTrip() async throws {
        let store = try TemporaryKeystore()
        let created = try store.create()
        let publicKey = try #require(created.generateKey(name: "gm-1", type: .sm2).sm2)
        try created.generateKey(name: "k1")

        let reopened = try store.open()
        #expect(reopened.keyNames == ["gm-1", "k1"])
        #expect(try await reopened.keyType(of: KeyReference("gm-1")) == .sm2)
        #expect(try await reopened.keyType(of: KeyReference("k1")) == .secp256k1)
        #expect(try await reopened.sm2PublicKey(for: KeyReference("gm-1")) == publicKey)
        let signature = try await reopened.signSM2(message, with: KeyReference("gm-1"))
        #expect(publicKey.isValidSignature(signature, for: message))
        #expect(!publicKey.isValidSignature(signature, for: message + [0]))
    }

    @Test("The entry is type sm2 with the compressed key and the SM3-derived (FISCO BCOS GM) address")
    func entryForm() throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        let annex = try SM2PrivateKey(rawRepresentation: hex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"))
        try custodian.importKey(name: "annex", privateKey: annex)
        let entry = try #require(try Keystore(contentsOf: store.path).entries.first)
        #expect(entry.keyType == .sm2)
        #expect(entry.key == .sm2(annex.publicKey))
        #expect(entry.publicKey == nil)
        #expect(entry.address?.description == "0x2119E1EcC071C2F3d915245C8d9c5A2CB131A89D")
        let json = try #require(try store.json()["keys"]?.arrayValue?.first)
        #expect(json["type"]?.stringValue == "sm2")
        #expect(json["publicKey"]?.stringValue == Hex.encode(annex.publicKey.compressedRepresentation))
        #expect(json["address"]?.stringValue == "0x2119E1EcC071C2F3d915245C8d9c5A2CB131A89D")
    }

    @Test("Each key type refuses the other's operation as unsupportedKeyType")
    func typeMismatch() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.generateKey(name: "gm", type: .sm2)
        try custodian.generateKey(name: "k1")
        let digest = Hash.sha256(message)
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.sign(digest: digest, with: KeyReference("gm")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.publicKey(for: KeyReference("gm")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.exportPrivateKey(KeyReference("gm")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.signSM2(message, with: KeyReference("k1")) }
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await custodian.signSM2(message, with: KeyReference("none")) }
    }

    @Test("Changing an SM2 entry's type to secp256k1 makes the file unreadable rather than misread")
    func typeTampering() throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.generateKey(name: "gm", type: .sm2)
        try store.overwrite(try store.content(replacing: #""type": "sm2""#, with: #""type": "secp256k1""#))
        let error = try store.openingError()
        #expect(error?.code == .backendFailure)
    }
}
