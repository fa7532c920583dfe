import KeyCustody
import Primitives
import Testing

/// Ed25519 and P-256 keys in the partial-custody keystore: the assertion keys that sign Data
/// Integrity `eddsa-*` and `ecdsa-*` proofs.
@Suite("SoftwareCustodian with Ed25519 and P-256 keys")
struct SoftwareCustodianTypedKeysTests {
    let message = Array("chancery partial custody, typed keys".utf8)

    @Test("Ed25519 and P-256 keys generated, saved and reopened sign messages their public keys verify, and other bytes do not")
    func roundTrip() async throws {
        let store = try TemporaryKeystore()
        let created = try store.create()
        let ed = try created.generateKey(name: "ed", type: .ed25519)
        let p256 = try created.generateKey(name: "p256", type: .p256)
        try created.generateKey(name: "k1")

        let reopened = try store.open()
        #expect(reopened.keyNames == ["ed", "p256", "k1"])
        #expect(try await reopened.keyType(of: KeyReference("ed")) == .ed25519)
        #expect(try await reopened.keyType(of: KeyReference("p256")) == .p256)
        #expect(try await reopened.typedPublicKey(for: KeyReference("ed")) == ed)
        #expect(try await reopened.typedPublicKey(for: KeyReference("p256")) == p256)

        guard case .ed25519(let edKey) = ed, case .p256(let p256Key) = p256 else {
            Issue.record("the keys are not of the types asked for")
            return
        }
        let edSignature = try await reopened.signMessage(message, with: KeyReference("ed"))
        #expect(edSignature.count == 64)
        #expect(edKey.isValidSignature(edSignature, for: message))
        #expect(!edKey.isValidSignature(edSignature, for: message + [0]))
        let p256Signature = try await reopened.signMessage(message, with: KeyReference("p256"))
        #expect(p256Signature.count == 64)
        #expect(p256Key.isValidSignature(p256Signature, for: message))
        #expect(!p256Key.isValidSignature(p256Signature, for: message + [0]))
    }

    @Test("An Ed25519 entry has no address member and a 32-byte publicKey; a P-256 entry a 33-byte one; both authenticate")
    func entryForm() throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        let ed = try custodian.generateKey(name: "ed", type: .ed25519)
        try custodian.generateKey(name: "p256", type: .p256)
        let keys = try #require(try store.json()["keys"]?.arrayValue)
        let edJSON = try #require(keys.first { $0["name"]?.stringValue == "ed" })
        #expect(edJSON["type"]?.stringValue == "ed25519")
        #expect(edJSON["address"] == nil)
        #expect(edJSON["publicKey"]?.stringValue == Hex.encode(ed.compressedRepresentation))
        #expect(ed.compressedRepresentation.count == 32)
        let p256JSON = try #require(keys.first { $0["name"]?.stringValue == "p256" })
        #expect(p256JSON["type"]?.stringValue == "p256")
        #expect(p256JSON["address"] == nil)
        #expect(try Keystore(contentsOf: store.path).entries.map(\.address) == [nil, nil])
    }

    @Test("The secp256k1 operations refuse an Ed25519 or P-256 key as unsupportedKeyType; an address added to such an entry makes the file unreadable")
    func typeMismatchAndTampering() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.generateKey(name: "ed", type: .ed25519)
        try custodian.generateKey(name: "p256", type: .p256)
        let digest = Hash.sha256(message)
        for name in ["ed", "p256"] {
            await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.sign(digest: digest, with: KeyReference(name)) }
            await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.publicKey(for: KeyReference(name)) }
            await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.signSM2(message, with: KeyReference(name)) }
        }
        try store.overwrite(try store.content(replacing: #""type": "ed25519""#,
                                              with: #""type": "ed25519", "address": "0x0000000000000000000000000000000000000000""#))
        #expect(try store.openingError()?.code == .backendFailure)
    }

    @Test("Changing an Ed25519 entry's type to P-256 makes the file unreadable rather than misread")
    func typeTampering() throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.generateKey(name: "ed", type: .ed25519)
        try store.overwrite(try store.content(replacing: #""type": "ed25519""#, with: #""type": "p256""#))
        #expect(try store.openingError()?.code == .backendFailure)
    }
}
