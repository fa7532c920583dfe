import KeyCustody
import Foundation
import Primitives
import Testing

/// Wrong passwords: every node counts them, locks after five, and backs off exponentially,
/// with time taken only from the injected clock.
struct VaultLockoutTests {
    @Test("a wrong password fails on every node and increments every counter")
    func wrongPassword() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "alice", password: fixture.password)
        let error = await #expect(throws: KeyCustodyError(.authenticationFailed, "")) {
            try await fixture.vault.recover(username: "alice", password: fixture.wrongPassword)
        }
        // One sentence, not five nodes' messages.
        #expect(error?.reason == "The password for \"alice\" is wrong; 4 attempts remain before the vault locks the account.")
        #expect(try fixture.nodes.map { try $0.attempts(account: "alice").failed } == [1, 1, 1, 1, 1])
    }

    @Test("after five failures each node locks until the back-off passes, then a success resets it")
    func lockoutAndBackOff() async throws {
        let fixture = try VaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "alice", password: fixture.password)
        for _ in 1...5 { _ = try? await fixture.vault.recover(username: "alice", password: fixture.wrongPassword) }
        let until = fixture.clock.now.addingTimeInterval(60)
        for node in fixture.nodes {
            let attempts = try node.attempts(account: "alice")
            #expect(attempts.failed == 5 && attempts.lockedUntil == until)
        }
        // Locked: even the right password is refused, and refusals are not counted.
        let locked = await #expect(throws: KeyCustodyError(.lockedOut, "")) {
            try await fixture.vault.recover(username: "alice", password: fixture.password)
        }
        #expect(locked?.reason == "The vault has locked \"alice\" after repeated wrong passwords; retry after 2027-01-15T08:01:00Z.")
        #expect(locked?.retryAfter == .seconds(60))
        fixture.clock.advance(by: 59)
        await #expect(throws: KeyCustodyError(.lockedOut, "")) { try await fixture.vault.recover(username: "alice", password: fixture.password) }
        #expect(try fixture.nodes[0].attempts(account: "alice").failed == 5)
        fixture.clock.advance(by: 1)
        #expect(try await fixture.vault.recover(username: "alice", password: fixture.password).publicKey == publicKey)
        #expect(try fixture.nodes.map { try $0.attempts(account: "alice").failed } == [0, 0, 0, 5, 5])
        #expect(try fixture.nodes[0].attempts(account: "alice").lockedUntil == nil)
    }

    @Test("each further failure after the lock doubles the wait")
    func exponentialBackOff() async throws {
        let fixture = try VaultFixture(nodeCount: 1)
        let node = fixture.nodes[0]
        let share = try ShamirShare(index: 1, value: Secp256k1Scalar.random())
        let right = SecureBytes(SecureRandom.bytes(count: 32)), wrong = SecureBytes(SecureRandom.bytes(count: 32))
        try node.storeShare(share, account: "bob", userAuthKey: right)
        for _ in 1...5 { #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try node.fetchShare(account: "bob", userAuthKey: wrong) } }
        for wait in [60.0, 120, 240, 480] {
            let start = fixture.clock.now
            #expect(try node.attempts(account: "bob").lockedUntil == start.addingTimeInterval(wait))
            fixture.clock.advance(by: wait - 1)
            #expect(throws: KeyCustodyError(.lockedOut, "")) { try node.fetchShare(account: "bob", userAuthKey: right) }
            fixture.clock.advance(by: 1)
            #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try node.fetchShare(account: "bob", userAuthKey: wrong) }
        }
        #expect(try node.attempts(account: "bob").failed == 9)
        fixture.clock.advance(by: 960)
        #expect(try node.fetchShare(account: "bob", userAuthKey: right) == share)
        #expect(try node.attempts(account: "bob").failed == 0)
    }

    @Test("the standard policy caps the wait at one day")
    func cap() {
        let start = Date(timeIntervalSince1970: 0)
        #expect(VaultLockoutPolicy.standard.lockedUntil(afterFailures: 4, at: start) == nil)
        #expect(VaultLockoutPolicy.standard.lockedUntil(afterFailures: 5, at: start) == start.addingTimeInterval(60))
        #expect(VaultLockoutPolicy.standard.lockedUntil(afterFailures: 20, at: start) == start.addingTimeInterval(86_400))
        #expect(VaultLockoutPolicy.standard.lockedUntil(afterFailures: 1_000, at: start) == start.addingTimeInterval(86_400))
    }
}
