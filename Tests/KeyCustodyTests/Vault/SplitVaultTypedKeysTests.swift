@testable import KeyCustody
import Foundation
import Primitives
import Testing

/// Ed25519 and P-256 accounts in the split vault: their secrets dealt with Feldman shares over
/// secp256k1's order (each is generated below it), recovered and checked against the key itself.
struct SplitVaultTypedKeysTests {
    let message = Array("vault, typed keys".utf8)

    @Test("Ed25519 and P-256 3-of-5 accounts record their type and key, unlock with two nodes down, and sign what their keys verify", arguments: [KeyType.ed25519, .p256])
    func createUnlockSign(type: KeyType) async throws {
        let fixture = try VaultFixture()
        let custodian = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let publicKey = try await custodian.generateKey(KeyReference("assert"), password: fixture.password, type: type)
        #expect(publicKey.keyType == type)
        #expect(try fixture.vault.accountKey(username: "assert") == publicKey)
        let record = try fixture.vault.record(username: "assert")
        #expect(record.keyType == type)
        #expect(record.commitments.allSatisfy { $0.keyType == .secp256k1 })
        let text = String(decoding: record.encoded(), as: UTF8.self)
        #expect(text.contains(#""keyType":"\#(type.name)""#))
        #expect(text.contains(Hex.encode(publicKey.compressedRepresentation)))

        custodian.lock(KeyReference("assert"))
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.signMessage(message, with: KeyReference("assert")) }
        try fixture.deleteNode(1)
        try fixture.deleteNode(3)
        try await custodian.unlock(KeyReference("assert"), password: fixture.password)
        let signature = try await custodian.signMessage(message, with: KeyReference("assert"))
        switch publicKey {
        case .ed25519(let key): #expect(key.isValidSignature(signature, for: message) && !key.isValidSignature(signature, for: message + [1]))
        case .p256(let key): #expect(key.isValidSignature(signature, for: message) && !key.isValidSignature(signature, for: message + [1]))
        default: Issue.record("unexpected key type \(publicKey.keyType)")
        }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.sign(digest: Hash.sha256(message), with: KeyReference("assert")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await fixture.vault.recover(username: "assert", password: fixture.password) }
    }

    @Test("a record whose public key was swapped for another key of its type fails recovery: the rebuilt key is not the record's")
    func swappedPublicKeyCaught() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "assert", password: fixture.password, keyType: .ed25519)
        let path = fixture.vault.recordPath(username: "assert")
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let record = try fixture.vault.record(username: "assert")
        let other = Hex.encode(Ed25519PrivateKey().publicKey.rawRepresentation)
        try original.replacingOccurrences(of: Hex.encode(record.publicKey.compressedRepresentation), with: other)
            .write(toFile: path, atomically: true, encoding: .utf8)
        await #expect(throws: KeyCustodyError(.backendFailure, "")) { try await fixture.vault.recoverKey(username: "assert", password: fixture.password) }
    }
}
