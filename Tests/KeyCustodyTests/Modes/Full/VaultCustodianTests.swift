import KeyCustody
import Primitives
import Testing

/// Full custody through the `KeyCustodian` interface: sessions opened with the password,
/// signatures that verify, and sessions that end.
struct VaultCustodianTests {
    @Test("an unlocked account signs low-S signatures that verify under its public key")
    func signs() async throws {
        let fixture = try VaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "alice", password: fixture.password)
        let custodian = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let alice = KeyReference("alice")
        #expect(custodian.mode == .full)
        #expect(try await custodian.publicKey(for: alice) == publicKey)
        try await custodian.unlock(alice, password: fixture.password)
        let digest = Hash.sha256(Array("a chancery transaction".utf8))
        let signature = try await custodian.sign(digest: digest, with: alice)
        #expect(signature.isLowS)
        #expect(publicKey.isValidSignature(signature, forDigest: digest))
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await custodian.sign(digest: [1, 2, 3], with: alice) }
    }

    @Test("signing needs an open session: before unlock, after lock and after the lifetime it is refused")
    func sessions() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "bob", password: fixture.password)
        let custodian = VaultCustodian(vault: fixture.vault, sessionLifetime: 600, clock: fixture.clock.closure)
        let bob = KeyReference("bob"), digest = Hash.sha256([1])
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        await #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try await custodian.unlock(bob, password: fixture.wrongPassword) }
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        try await custodian.unlock(bob, password: fixture.password)
        fixture.clock.advance(by: 599)
        _ = try await custodian.sign(digest: digest, with: bob)
        fixture.clock.advance(by: 1)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        try await custodian.unlock(bob, password: fixture.password)
        custodian.lock(bob)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: bob) }
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await custodian.publicKey(for: KeyReference("nobody")) }
    }

    @Test("a custodian holds several vault keys: a key generated for a DID is new, unlocked at once, and signs under its own reference")
    func severalKeys() async throws {
        let fixture = try VaultFixture()
        let memberKey = try await fixture.vault.createAccount(username: "carol", password: fixture.password)
        let custodian = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let didKey = KeyReference("carol.did-1")
        let generated = try await custodian.generateKey(didKey, password: fixture.password)
        #expect(generated != memberKey)
        #expect(try await custodian.publicKey(for: didKey) == generated)
        let digest = Hash.sha256(Array("a DID operation".utf8))
        #expect(generated.isValidSignature(try await custodian.sign(digest: digest, with: didKey), forDigest: digest))
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await custodian.sign(digest: digest, with: KeyReference("carol")) }
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await custodian.generateKey(didKey, password: fixture.password) }
    }

    @Test("a key generated in a session without the password is recovered later by the password alone; with no session it is refused")
    func keyFromSessionPasswordKey() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "dana", password: fixture.password)
        let session = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let member = KeyReference("dana"), didKey = KeyReference("dana.did-1")
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await session.generateKey(didKey, sameLoginAs: member) }
        try await session.unlock(member, password: fixture.password)
        let generated = try await session.generateKey(didKey, sameLoginAs: member)
        let digest = Hash.sha256(Array("registrar".utf8))
        #expect(generated.isValidSignature(try await session.sign(digest: digest, with: didKey), forDigest: digest))
        // A later log-in with the password rebuilds it; a wrong password does not.
        let later = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        await #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try await later.unlock(didKey, password: fixture.wrongPassword) }
        try await later.unlock(didKey, password: fixture.password)
        #expect(generated.isValidSignature(try await later.sign(digest: digest, with: didKey), forDigest: digest))
        // Ending the member's session ends what it may create.
        session.lock(member)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await session.generateKey(KeyReference("dana.did-2"), sameLoginAs: member) }
    }

    @Test("one session over a member key and its DID keys checks the password with the first key, rebuilds each DID key when it first signs, and ends with the lifetime or a lock")
    func sessionOverManyKeys() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "erin", password: fixture.password)
        let registrar = VaultCustodian(vault: fixture.vault, clock: fixture.clock.closure)
        let member = KeyReference("erin")
        try await registrar.unlock(member, password: fixture.password)
        // Two keys split under the member's salt (as the registrar makes them), one under a salt of its own.
        var shared: [(KeyReference, Secp256k1PublicKey)] = []
        for n in 1...2 {
            let key = KeyReference("erin.did-\(n)")
            shared.append((key, try await registrar.generateKey(key, sameLoginAs: member)))
        }
        let own = KeyReference("erin.did-3")
        let ownPublicKey = try await registrar.generateKey(own, password: fixture.password)

        let later = VaultCustodian(vault: fixture.vault, sessionLifetime: 600, clock: fixture.clock.closure)
        await #expect(throws: KeyCustodyError(.authenticationFailed, "")) {
            try await later.unlock([member] + shared.map(\.0) + [own], password: fixture.wrongPassword)
        }
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await later.sign(digest: Hash.sha256([1]), with: own) }
        try await later.unlock([member] + shared.map(\.0) + [own], password: fixture.password)
        let digest = Hash.sha256(Array("a DID update".utf8))
        for (key, publicKey) in shared + [(own, ownPublicKey)] {
            #expect(publicKey.isValidSignature(try await later.sign(digest: digest, with: key), forDigest: digest), "\(key.id)")
        }
        later.lock(shared[0].0)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await later.sign(digest: digest, with: shared[0].0) }

        // A key not yet used when the lifetime passes is not rebuilt afterwards.
        let expiring = VaultCustodian(vault: fixture.vault, sessionLifetime: 600, clock: fixture.clock.closure)
        try await expiring.unlock([member, shared[1].0], password: fixture.password)
        fixture.clock.advance(by: 600)
        await #expect(throws: KeyCustodyError(.notUnlocked, "")) { try await expiring.sign(digest: digest, with: shared[1].0) }
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await expiring.unlock([member, KeyReference("erin.did-9")], password: fixture.password) }
    }
}
