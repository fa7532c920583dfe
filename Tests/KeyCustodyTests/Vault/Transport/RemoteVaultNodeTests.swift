import Foundation
import KeyCustody
import Primitives
import Testing

/// The coordinator's side of the vault across hosts (`specs/custody-vault.md` §9): a split vault
/// whose nodes are reached only through sealed, signed requests.
struct RemoteVaultNodeTests {
    @Test("an account split 2-of-3 over remote nodes is recovered with all up and with any one down, and not with two down")
    func recoveryNeedsThreshold() async throws {
        let fixture = try RemoteVaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "alice", password: fixture.local.password, threshold: 2)
        #expect(try await fixture.vault.recover(username: "alice", password: fixture.local.password).publicKey == publicKey)
        for down in 0..<3 {
            fixture.setDown(down)
            #expect(try await fixture.vault.recover(username: "alice", password: fixture.local.password).publicKey == publicKey,
                    "recovered with node \(down + 1) down")
            fixture.setDown(down, false)
        }
        fixture.setDown(0)
        fixture.setDown(2)
        let error = await #expect(throws: KeyCustodyError(.backendUnavailable, "")) {
            try await fixture.vault.recover(username: "alice", password: fixture.local.password)
        }
        let reason = try #require(error?.reason)
        #expect(reason.contains("needs 2 of 3 shares but gathered 1"), "\(reason)")
        #expect(reason.contains("test-node-1 could not be reached") && reason.contains("test-node-3 could not be reached"), "\(reason)")
    }

    @Test("neither the password-derived keys nor the shares appear in the bytes on the wire")
    func wireIsSealed() async throws {
        let fixture = try RemoteVaultFixture()
        _ = try await fixture.vault.createAccount(username: "alice", password: fixture.local.password, threshold: 2)
        let key = try await fixture.vault.recover(username: "alice", password: fixture.local.password)
        let wire = (fixture.requests.map(\.body) + fixture.answers).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        #expect(!wire.isEmpty)
        // The shares of the rebuilt key, as the nodes store them: fetch them again locally to know them.
        for (index, node) in fixture.local.nodes.enumerated() {
            let attempts = try node.attempts(account: "alice")
            #expect(attempts.failed == 0, "node \(index + 1)")
        }
        let secretForms = [Hex.encode(key.rawRepresentation.unsafeArray), Base64URL.encode(key.rawRepresentation.unsafeArray)]
        for form in secretForms { #expect(!wire.contains(form)) }
        #expect(!wire.contains("userAuthKey") && !wire.contains("\"share\""), "the payload's member names are sealed too")
        #expect(wire.contains("alice") == false, "the account name travels sealed")
    }

    @Test("wrong passwords are counted by each node on its own, and a node's lock leaves the others' counters alone")
    func lockoutCountersAreEachNodesOwn() async throws {
        let fixture = try RemoteVaultFixture()
        _ = try await fixture.vault.createAccount(username: "bob", password: fixture.local.password, threshold: 2)
        fixture.setDown(2)
        for _ in 1...5 { _ = try? await fixture.vault.recover(username: "bob", password: fixture.local.wrongPassword) }
        fixture.setDown(2, false)
        var counters: [VaultAttempts] = []
        for remote in fixture.remotes { counters.append(try await remote.attempts(account: "bob")) }
        #expect(counters.map(\.failed) == [5, 5, 0])
        #expect(counters[0].lockedUntil != nil && counters[1].lockedUntil != nil && counters[2].lockedUntil == nil)
        let locked = await #expect(throws: KeyCustodyError(.lockedOut, "")) {
            try await fixture.vault.recover(username: "bob", password: fixture.local.password)
        }
        #expect(locked?.retryAfter == .seconds(60), "the lock's wait crosses the wire")
        fixture.local.clock.advance(by: 60)
        #expect(try await fixture.vault.recover(username: "bob", password: fixture.local.password).publicKey
                == fixture.vault.publicKey(username: "bob"))
    }

    @Test("a wrong password while a holder is down is answered as a wrong password, counted on the nodes that were asked")
    func wrongPasswordWithAHolderDown() async throws {
        let fixture = try RemoteVaultFixture()
        _ = try await fixture.vault.createAccount(username: "erin", password: fixture.local.password, threshold: 3)
        fixture.setDown(1)
        let error = await #expect(throws: KeyCustodyError(.authenticationFailed, "")) {
            try await fixture.vault.recover(username: "erin", password: fixture.local.wrongPassword)
        }
        #expect(error?.reason == "The password for \"erin\" is wrong; 4 attempts remain before the vault locks the account.", "\(error?.reason ?? "")")
        fixture.setDown(1, false)
        var counters: [Int] = []
        for remote in fixture.remotes { counters.append(try await remote.attempts(account: "erin").failed) }
        #expect(counters == [1, 0, 1])
    }

    @Test("an answer taken from another request, or signed by another node, is refused by the coordinator")
    func answersAreBoundToTheirRequest() async throws {
        let fixture = try RemoteVaultFixture()
        _ = try await fixture.vault.createAccount(username: "carol", password: fixture.local.password, threshold: 2)
        _ = try await fixture.remotes[0].attempts(account: "carol")
        fixture.forgedAnswer = fixture.answers.last
        let replayed = await #expect(throws: KeyCustodyError(.backendFailure, "")) {
            try await fixture.remotes[0].attempts(account: "carol")
        }
        #expect(replayed?.reason.contains("not signed by its transport key for this request") == true, "\(replayed?.reason ?? "")")
        fixture.forgedAnswer = Array(#"{"sealed":"AAAA","signature":"00"}"#.utf8)
        await #expect(throws: KeyCustodyError(.backendFailure, "")) { try await fixture.remotes[1].attempts(account: "carol") }
        fixture.forgedAnswer = nil
        #expect(try await fixture.remotes[1].attempts(account: "carol").failed == 0)
    }

    @Test("a transport key is printed and parsed back, and a malformed one is refused with the expected form")
    func transportKeyText() throws {
        let fixture = try VaultFixture(nodeCount: 1)
        let key = fixture.nodes[0].transportKey
        #expect(try VaultTransportKey(key.description) == key)
        #expect(key.description.hasPrefix("vt1."))
        for bad in ["", "vt1.", "vt2." + key.description.dropFirst(4), String(key.description.dropLast(2))] {
            #expect(throws: KeyCustodyError(.invalidInput, "")) { try VaultTransportKey(bad) }
        }
        // Derived from the node secret: the same after reopening.
        let reopened = try VaultNode(directory: fixture.nodes[0].directory)
        #expect(reopened.transportKey == key)
    }
}
