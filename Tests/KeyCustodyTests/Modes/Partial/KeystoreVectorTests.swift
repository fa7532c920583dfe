import Foundation
import KeyCustody
import Primitives
import Testing
import TestVectors

@Suite("Keystore vector")
struct KeystoreVectorTests {
    /// Copies `custody/keystore-v1.json`, built from the spec by an independent script, into a
    /// fresh directory.
    func vectorStore() throws -> TemporaryKeystore {
        let store = try TemporaryKeystore()
        try Vectors.data("custody/keystore-v1.json").write(to: URL(fileURLWithPath: store.path))
        return store
    }

    @Test("The spec's keystore opens with its password and holds the published keys and addresses")
    func opensPublishedKeys() async throws {
        let store = try vectorStore()
        let custodian = try store.open()
        let pairs = try KeystoreVectors.keyAddressPairs()
        #expect(custodian.keyNames == pairs.map(\.seed))
        let digest = Hash.sha256(Array("vector".utf8))
        for pair in pairs {
            let exported = try await custodian.exportPrivateKey(KeyReference(pair.seed))
            #expect(exported.rawRepresentation == SecureBytes(try Hex.decode(pair.key)))
            let publicKey = try await custodian.publicKey(for: KeyReference(pair.seed))
            #expect(Hex.encode(try EthereumAddress(publicKey: publicKey.uncompressedRepresentation).bytes) == pair.addr)
            #expect(publicKey.isValidSignature(try await custodian.sign(digest: digest, with: KeyReference(pair.seed)), forDigest: digest))
        }
        #expect(try Keystore(contentsOf: store.path).entries.map { Hex.encode($0.address?.bytes ?? []) } == pairs.map(\.addr))
    }

    @Test("The spec's keystore refuses another password")
    func wrongPassword() throws {
        let store = try vectorStore()
        #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try store.open(password: "Correct horse battery staple") }
    }

    @Test("Adding a key keeps the vector's entries byte for byte")
    func appendKeepsEntries() throws {
        let store = try vectorStore()
        let before = try store.json()["keys"]?.arrayValue ?? []
        try store.open().generateKey(name: "pig")
        let after = try store.json()["keys"]?.arrayValue ?? []
        #expect(before.count == 2)
        #expect(Array(after.prefix(2)) == before)
        #expect(try store.open().keyNames == ["cow", "horse", "pig"])
    }
}
