import Foundation
import KeyCustody
import Primitives
import Testing

/// The vault node's side of the transport (`specs/custody-vault.md` §9.3): who may ask, and
/// that every request is taken once.
struct VaultNodeServiceTests {
    @Test("a request sent twice is taken once: the replay is refused and spends no attempt")
    func replayRefused() async throws {
        let fixture = try RemoteVaultFixture()
        _ = try await fixture.vault.createAccount(username: "alice", password: fixture.local.password, threshold: 2)
        _ = try? await fixture.vault.recover(username: "alice", password: fixture.local.wrongPassword)
        let (node, fetch) = try #require(fixture.requests.last)
        let before = try fixture.local.nodes[node].attempts(account: "alice").failed
        let error = await #expect(throws: KeyCustodyError(.replayed, "")) { try await fixture.services[node].answer(fetch) }
        #expect(error?.reason.contains("already received once") == true)
        #expect(try fixture.local.nodes[node].attempts(account: "alice").failed == before)
    }

    @Test("a replayed delete does not delete a share stored again after it")
    func replayedDeleteRefused() async throws {
        let fixture = try RemoteVaultFixture()
        let share = try ShamirShare(index: 1, value: Secp256k1Scalar.random())
        let authKey = SecureBytes(SecureRandom.bytes(count: 32))
        try await fixture.remotes[0].storeShare(share, account: "dave", userAuthKey: authKey)
        try await fixture.remotes[0].deleteShare(account: "dave")
        let delete = try #require(fixture.requests.last?.body)
        try await fixture.remotes[0].storeShare(share, account: "dave", userAuthKey: authKey)
        await #expect(throws: KeyCustodyError(.replayed, "")) { try await fixture.services[0].answer(delete) }
        #expect(try await fixture.remotes[0].fetchShare(account: "dave", userAuthKey: authKey) == share)
    }

    @Test("requests from a coordinator the node did not admit, with a changed byte, or addressed to another node are refused")
    func whoMayAsk() async throws {
        let fixture = try RemoteVaultFixture()
        let stranger = RemoteVaultNode(nodeID: fixture.services[0].node.nodeID, transportKey: fixture.services[0].node.transportKey,
                                       location: "test-node-1", coordinatorKey: Ed25519PrivateKey(), clock: fixture.local.clock.closure) { body in
            await RemoteVaultFixture.serve(fixture.services[0], body)
        }
        let refused = await #expect(throws: KeyCustodyError(.backendFailure, "")) { try await stranger.deleteShare(account: "x") }
        #expect(refused?.reason.contains("HTTP 401") == true && refused?.reason.contains("is not admitted") == true, "\(refused?.reason ?? "")")

        try await fixture.remotes[0].deleteShare(account: "x")
        let good = try #require(fixture.requests.last?.body)
        guard case .object(var envelope) = try JSONValue(parsing: good), let sealed = envelope["sealed"]?.stringValue else {
            Issue.record("the request is a JSON object with a sealed member")
            return
        }
        var bytes = try Base64URL.decode(sealed)
        bytes[bytes.count / 2] ^= 1
        envelope["sealed"] = .string(Base64URL.encode(bytes))
        await #expect(throws: KeyCustodyError(.authenticationFailed, "")) { try await fixture.services[0].answer(JCS.canonicalize(.object(envelope))) }
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await fixture.services[1].answer(good) }
        for garbage in ["", "[]", "{}", #"{"coordinator":"zz"}"#, String(repeating: "{", count: 100_000)] {
            await #expect(throws: KeyCustodyError.self) { try await fixture.services[0].answer(Array(garbage.utf8)) }
        }
    }

    @Test("a request issued before the node started, or more than a minute from its clock, is refused")
    func timeWindow() async throws {
        let fixture = try RemoteVaultFixture()
        let node = fixture.local.nodes[0]
        let early = RemoteVaultNode(nodeID: node.nodeID, transportKey: node.transportKey, location: "test-node-1",
                                    coordinatorKey: fixture.coordinatorKey, clock: { fixture.local.clock.now.addingTimeInterval(-1) }) { body in
            await RemoteVaultFixture.serve(fixture.services[0], body)
        }
        let beforeStart = await #expect(throws: KeyCustodyError(.backendFailure, "")) { try await early.deleteShare(account: "x") }
        #expect(beforeStart?.reason.contains("before this vault node started") == true, "\(beforeStart?.reason ?? "")")
        #expect(beforeStart?.reason.contains("HTTP 409") == true, "\(beforeStart?.reason ?? "")")
        fixture.local.clock.advance(by: 120)
        // Once the node has run longer than the skew, a second of it is harmless.
        try await early.deleteShare(account: "x")
        let late = RemoteVaultNode(nodeID: node.nodeID, transportKey: node.transportKey, location: "test-node-1",
                                   coordinatorKey: fixture.coordinatorKey, clock: { fixture.local.clock.now.addingTimeInterval(-61) }) { body in
            await RemoteVaultFixture.serve(fixture.services[0], body)
        }
        let outside = await #expect(throws: KeyCustodyError(.backendFailure, "")) { try await late.deleteShare(account: "x") }
        #expect(outside?.reason.contains("check both clocks") == true, "\(outside?.reason ?? "")")
    }

    @Test("the replay memory is bounded: full of live requests it refuses more as overload, and it forgets expired ones")
    func replayMemoryBound() async throws {
        let fixture = try RemoteVaultFixture(capacity: 3)
        for _ in 1...3 { try await fixture.remotes[0].deleteShare(account: "x") }
        #expect(fixture.services[0].rememberedRequests == 3)
        let full = await #expect(throws: KeyCustodyError(.backendUnavailable, "")) { try await fixture.remotes[0].deleteShare(account: "x") }
        #expect(full?.reason.contains("more than 3 requests") == true, "\(full?.reason ?? "")")
        fixture.local.clock.advance(by: 61)
        try await fixture.remotes[0].deleteShare(account: "x")
        #expect(fixture.services[0].rememberedRequests == 1)
    }
}
