@testable import KeyCustody
import Foundation
import Primitives
import Testing

/// SM2 accounts in the split vault: shares over SM2's group order, recovery, and signing.
struct SplitVaultSM2Tests {
    let message = Array("vault, SM2".utf8)

    @Test("an SM2 3-of-5 account is created with keyType sm2, unlocked with two nodes down, and signs SM2")
    func createUnlockSign() async throws {
        let fixture = try VaultFixture()
        let custodian = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let publicKey = try #require(await custodian.generateKey(KeyReference("gm"), password: fixture.password, type: .sm2).sm2)
        #expect(try fixture.vault.accountKey(username: "gm") == .sm2(publicKey))
        #expect(try await custodian.keyType(of: KeyReference("gm")) == .sm2)
        #expect(try await custodian.sm2PublicKey(for: KeyReference("gm")) == publicKey)
        let record = try fixture.vault.record(username: "gm")
        #expect(record.keyType == .sm2)
        #expect(String(decoding: record.encoded(), as: UTF8.self).contains(#""keyType":"sm2""#))

        custodian.lock(KeyReference("gm"))
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.signSM2(message, with: KeyReference("gm")) }
        try fixture.deleteNode(2)
        try fixture.deleteNode(4)
        try await custodian.unlock(KeyReference("gm"), password: fixture.password)
        let signature = try await custodian.signSM2(message, with: KeyReference("gm"))
        #expect(publicKey.isValidSignature(signature, for: message))
    }

    @Test("secp256k1 records keep their bytes (no keyType member); each key type refuses the other's operations")
    func typeSeparation() async throws {
        let fixture = try VaultFixture()
        let custodian = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        try await custodian.generateKey(KeyReference("k1"), password: fixture.password)
        try await custodian.generateKey(KeyReference("gm"), password: fixture.password, type: .sm2)
        #expect(!String(decoding: try fixture.vault.record(username: "k1").encoded(), as: UTF8.self).contains("keyType"))
        let digest = Hash.sha256(message)
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.sign(digest: digest, with: KeyReference("gm")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.publicKey(for: KeyReference("gm")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await custodian.signSM2(message, with: KeyReference("k1")) }
        await #expect(throws: KeyCustodyError(.unsupportedKeyType, "")) { try await fixture.vault.recover(username: "gm", password: fixture.password) }
    }

    @Test("an SM2 share altered on a node is caught by the SM2 commitments and skipped while three others remain")
    func badShareSkipped() async throws {
        let fixture = try VaultFixture()
        let created = try await fixture.vault.createAccount(username: "gm", password: fixture.password, keyType: .sm2)
        let record = try fixture.vault.record(username: "gm")
        let authKey = VaultKeyDerivation.userAuthKey(
            passwordKey: try VaultKeyDerivation.passwordKey(password: fixture.password, salt: record.salt, parameters: record.parameters),
            nodeID: fixture.nodes[0].nodeID)
        let forged = try ShamirShare(index: 1, value: Secp256k1Scalar(12345))
        try fixture.nodes[0].deleteShare(account: "gm")
        try fixture.nodes[0].storeShare(forged, account: "gm", userAuthKey: authKey)
        let key = try await fixture.vault.recoverKey(username: "gm", password: fixture.password)
        #expect(key.publicKey == created)
    }
}
