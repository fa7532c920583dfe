import KeyCustody
import Primitives
import Testing

/// Full custody through the `KeyCustodian` interface: sessions opened with the password,
/// signatures that verify, and sessions that end.
struct VaultCustodianTests {
    @Test("an unlocked account signs low-S signatures that verify under its public key")
    func signs() async throws {
        let fixture = try VaultFixture()
        let publicKey = try fixture.vault.createAccount(username: "alice", password: fixture.password)
        let custodian = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let alice = KeyReference("alice")
        #expect(custodian.mode == .full)
        #expect(try await custodian.publicKey(for: alice) == publicKey)
        try custodian.unlock(alice, password: fixture.password)
        let digest = Hash.sha256(Array("a chancery transaction".utf8))
        let signature = try await custodian.sign(digest: digest, with: alice)
        #expect(signature.isLowS)
        #expect(publicKey.isValidSignature(signature, forDigest: digest))
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await custodian.sign(digest: [1, 2, 3], with: alice) }
    }

    @Test("signing needs an open session: before unlock, after lock and after the lifetime it is refused")
    func sessions() async throws {
        let fixture = try VaultFixture()
        _ = try fixture.vault.createAccount(username: "bob", password: fixture.password)
        let custodian = VaultCustodian(vault: fixture.vault, sessionLifetime: 600, clock: fixture.clock.closure)
        let bob = KeyReference("bob"), digest = Hash.sha256([1])
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try custodian.unlock(bob, password: fixture.wrongPassword) }
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        try custodian.unlock(bob, password: fixture.password)
        fixture.clock.advance(by: 599)
        _ = try await custodian.sign(digest: digest, with: bob)
        fixture.clock.advance(by: 1)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        try custodian.unlock(bob, password: fixture.password)
        custodian.lock(bob)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await custodian.publicKey(for: KeyReference("nobody")) }
    }
}
