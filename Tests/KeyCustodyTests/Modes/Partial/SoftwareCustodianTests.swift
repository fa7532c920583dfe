import KeyCustody
import Primitives
import Testing
import TestVectors

@Suite("SoftwareCustodian")
struct SoftwareCustodianTests {
    let digest = Hash.sha256(Array("chancery partial custody".utf8))

    @Test("A key generated, saved and reopened signs low-S signatures that strict verification accepts")
    func roundTrip() async throws {
        let store = try TemporaryKeystore()
        let created = try store.create()
        #expect(created.mode == .partial)
        let publicKey = try created.generateKey(name: "did-key-1")
        try created.generateKey(name: "did-key-2")

        let reopened = try store.open()
        #expect(reopened.keyNames == ["did-key-1", "did-key-2"])
        #expect(try await reopened.publicKey(for: KeyReference("did-key-1")) == publicKey)
        let signature = try await reopened.sign(digest: digest, with: KeyReference("did-key-1"))
        #expect(signature.isLowS)
        #expect(publicKey.isValidSignature(signature, forDigest: digest))
        let other = try await reopened.publicKey(for: KeyReference("did-key-2"))
        #expect(!other.isValidSignature(signature, forDigest: digest))
    }

    @Test("Imported published keys get their published addresses, and export returns the same scalar")
    func importAndExport() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        let pairs = try KeystoreVectors.keyAddressPairs()
        #expect(pairs.count == 2)
        for pair in pairs {
            try custodian.importKey(name: pair.seed, privateKey: Secp256k1PrivateKey(rawRepresentation: Hex.decode(pair.key)))
        }
        let listed = try Keystore(contentsOf: store.path).entries
        #expect(listed.map { Hex.encode($0.address?.bytes ?? []) } == pairs.map(\.addr))

        let reopened = try store.open()
        for pair in pairs {
            let exported = try await reopened.exportPrivateKey(KeyReference(pair.seed))
            #expect(exported.rawRepresentation == SecureBytes(try Hex.decode(pair.key)))
        }
    }

    @Test("libsodium's interactive cost works end to end and is what the file records")
    func interactiveParameters() async throws {
        let store = try TemporaryKeystore()
        let custodian = try SoftwareCustodian(creating: store.path, password: TemporaryKeystore.password, parameters: .interactive)
        let publicKey = try custodian.generateKey(name: "k")
        let kdf = try store.json()["kdf"]
        #expect(kdf?["opsLimit"]?.doubleValue == Double(Argon2id.Parameters.interactive.opsLimit))
        #expect(kdf?["memLimit"]?.doubleValue == Double(Argon2id.Parameters.interactive.memLimit))
        let reopened = try SoftwareCustodian(opening: store.path, password: SecureBytes(Array(TemporaryKeystore.password.utf8)))
        #expect(try await reopened.publicKey(for: KeyReference("k")) == publicKey)
    }

    @Test("Keys generated from many tasks at once are all saved")
    func concurrentGeneration() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<16 { group.addTask { try custodian.generateKey(name: "key-\(index)") } }
            try await group.waitForAll()
        }
        let names = Set((0..<16).map { "key-\($0)" })
        #expect(Set(custodian.keyNames) == names)
        #expect(Set(try store.open().keyNames) == names)
    }

    @Test("Unknown keys, wrong digest lengths, taken and malformed names are refused")
    func refusals() async throws {
        let store = try TemporaryKeystore()
        let custodian = try store.create()
        try custodian.generateKey(name: "k")
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await custodian.sign(digest: digest, with: KeyReference("nope")) }
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await custodian.exportPrivateKey(KeyReference("nope")) }
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await custodian.sign(digest: [1, 2, 3], with: KeyReference("k")) }
        #expect(throws: KeyCustodyError(.invalidInput, "")) { try custodian.generateKey(name: "k") }
        for name in ["", "with space", "é", String(repeating: "a", count: 129)] {
            #expect(throws: KeyCustodyError(.invalidInput, "")) { try custodian.generateKey(name: name) }
        }
        #expect(custodian.keyNames == ["k"])
        #expect(try store.open().keyNames == ["k"])
    }

    @Test("Creating never replaces an existing file, and refuses an empty password or an unbounded cost")
    func creationRefusals() throws {
        let store = try TemporaryKeystore()
        try store.create().generateKey(name: "k")
        let before = try store.content()
        #expect(throws: KeyCustodyError(.invalidInput, "")) { try store.create() }
        #expect(try store.content() == before)

        let other = try TemporaryKeystore()
        #expect(throws: KeyCustodyError(.invalidInput, "")) {
            try SoftwareCustodian(creating: other.path, password: "", parameters: TemporaryKeystore.fastParameters)
        }
        for (ops, memory) in [(1, 8193), (17, 8192), (1, 2 << 30)] {
            let parameters = try Argon2id.Parameters(opsLimit: ops, memLimit: memory)
            #expect(throws: KeyCustodyError(.invalidInput, "")) {
                try SoftwareCustodian(creating: other.path, password: "pw", parameters: parameters)
            }
        }
        #expect(try other.directoryListing().isEmpty)
    }
}
