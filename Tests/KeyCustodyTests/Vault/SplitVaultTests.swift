@testable import KeyCustody
import Foundation
import Primitives
import Testing

/// Account creation and recovery across five vault nodes, with nodes missing or corrupt.
struct SplitVaultTests {
    @Test("a 3-of-5 account is created and its key recovered; the key matches the public key")
    func createAndRecover() async throws {
        let fixture = try VaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "alice", password: fixture.password)
        #expect(try fixture.vault.publicKey(username: "alice") == publicKey)
        let key = try await fixture.vault.recover(username: "alice", password: fixture.password)
        #expect(key.publicKey == publicKey)
        let digest = Hash.sha256(Array("vault".utf8))
        #expect(publicKey.isValidSignature(try key.signature(forDigest: digest), forDigest: digest))
        for node in 1...5 { #expect(FileManager.default.fileExists(atPath: fixture.shareFile(ofNode: node).path)) }
        await #expect(throws: KeyCustodyError(.invalidInput, "")) {
            try await fixture.vault.createAccount(username: "alice", password: fixture.password)
        }
    }

    @Test("recovery still works with two of five nodes deleted")
    func twoNodesDown() async throws {
        let fixture = try VaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "bob", password: fixture.password)
        try fixture.deleteNode(1)
        try fixture.deleteNode(3)
        #expect(try await fixture.vault.recover(username: "bob", password: fixture.password).publicKey == publicKey)
    }

    @Test("recovery fails clearly with three of five nodes deleted")
    func threeNodesDown() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "carol", password: fixture.password)
        for node in [2, 4, 5] { try fixture.deleteNode(node) }
        let error = await #expect(throws: KeyCustodyError(.backendUnavailable, "")) {
            try await fixture.vault.recover(username: "carol", password: fixture.password)
        }
        #expect(error?.reason.hasPrefix("Recovering \"carol\" needs 3 of 5 shares but gathered 2.") == true)
        for node in [2, 4, 5] { #expect(error?.reason.contains("Node \(fixture.nodes[node - 1].nodeID): backendUnavailable") == true) }
    }

    @Test("a tampered share file is detected by its node and skipped; recovery uses the others")
    func tamperedShareFile() async throws {
        let fixture = try VaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "dave", password: fixture.password)
        let url = fixture.shareFile(ofNode: 2)
        var text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "\"sealedShare\":\"")).upperBound
        text.replaceSubrange(start...start, with: text[start] == "0" ? "1" : "0")
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect(try await fixture.vault.recover(username: "dave", password: fixture.password).publicKey == publicKey)
        try fixture.deleteNode(4)
        try fixture.deleteNode(5)
        let error = await #expect(throws: KeyCustodyError(.backendFailure, "")) {
            try await fixture.vault.recover(username: "dave", password: fixture.password)
        }
        #expect(error?.reason.contains("fails its integrity check") == true)
    }

    @Test("a node that returns a validly sealed but wrong share is caught by Feldman verification and named")
    func wrongShare() async throws {
        let fixture = try VaultFixture()
        let publicKey = try await fixture.vault.createAccount(username: "frank", password: fixture.password)
        let record = try fixture.vault.record(username: "frank")
        let passwordKey = try VaultKeyDerivation.passwordKey(password: fixture.password, salt: record.salt, parameters: record.parameters)
        let node = fixture.nodes[1]
        let authKey = VaultKeyDerivation.userAuthKey(passwordKey: passwordKey, nodeID: node.nodeID)
        let share = try node.fetchShare(account: "frank", userAuthKey: authKey)
        try node.deleteShare(account: "frank")
        try node.storeShare(ShamirShare(index: 2, value: share.value + .one), account: "frank", userAuthKey: authKey)
        #expect(try await fixture.vault.recover(username: "frank", password: fixture.password).publicKey == publicKey)
        try fixture.deleteNode(4)
        try fixture.deleteNode(5)
        let error = await #expect(throws: KeyCustodyError(.backendFailure, "")) {
            try await fixture.vault.recover(username: "frank", password: fixture.password)
        }
        #expect(error?.reason.contains("Node \(node.nodeID): backendFailure: Share 2 fails Feldman verification") == true)
    }

    @Test("a reset failure counter in a share file is detected as tampering")
    func tamperedCounter() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "erin", password: fixture.password)
        _ = try? await fixture.vault.recover(username: "erin", password: fixture.wrongPassword)
        let url = fixture.shareFile(ofNode: 1)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"failedAttempts\":1"))
        try text.replacingOccurrences(of: "\"failedAttempts\":1", with: "\"failedAttempts\":0").write(to: url, atomically: true, encoding: .utf8)
        let error = #expect(throws: KeyCustodyError(.backendFailure, "")) { try fixture.nodes[0].attempts(account: "erin") }
        #expect(error?.reason.contains("fails its integrity check") == true)
        #expect(try await fixture.vault.recover(username: "erin", password: fixture.password).publicKey == fixture.vault.publicKey(username: "erin"))
    }

    @Test("bad thresholds, unknown or repeated nodes, bad usernames and unknown accounts are refused")
    func badInput() async throws {
        let fixture = try VaultFixture()
        for threshold in [0, 6] {
            await #expect(throws: KeyCustodyError(.invalidInput, "")) {
                try await fixture.vault.createAccount(username: "x", password: fixture.password, threshold: threshold)
            }
        }
        let stranger = try VaultFixture(nodeCount: 1).nodes[0]
        for nodes in [[fixture.nodes[0], fixture.nodes[0]], [fixture.nodes[0], stranger]] {
            await #expect(throws: KeyCustodyError(.invalidInput, "")) {
                try await fixture.vault.createAccount(username: "x", password: fixture.password, threshold: 1, nodes: nodes)
            }
        }
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await fixture.vault.createAccount(username: "", password: fixture.password) }
        await #expect(throws: KeyCustodyError(.invalidInput, "")) { try await fixture.vault.createAccount(username: "a\nb", password: fixture.password) }
        await #expect(throws: KeyCustodyError(.keyNotFound, "")) { try await fixture.vault.recover(username: "nobody", password: fixture.password) }
        #expect(fixture.allFiles().filter { $0.pathExtension == "json" }.isEmpty)
        let twoOfTwo = try await fixture.vault.createAccount(username: "x", password: fixture.password, threshold: 2, nodes: Array(fixture.nodes.suffix(2)))
        #expect(try await fixture.vault.recover(username: "x", password: fixture.password).publicKey == twoOfTwo)
    }
}
