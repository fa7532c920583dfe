@testable import KeyCustody
import Foundation
import Primitives
import Testing

/// The node's files: its secret, what the files never contain, and the derivations of the
/// spec (specs/custody-vault.md) against values computed with Python's hashlib.blake2b.
struct VaultNodeTests {
    @Test("node and record files never contain the key, a share value or the password")
    func noSecretsInFiles() async throws {
        let fixture = try VaultFixture()
        _ = try await fixture.vault.createAccount(username: "alice", password: fixture.password)
        _ = try? await fixture.vault.recover(username: "alice", password: fixture.wrongPassword)
        let key = try await fixture.vault.recover(username: "alice", password: fixture.password)
        let passwordKey = try VaultKeyDerivation.passwordKey(
            password: fixture.password, salt: fixture.vault.record(username: "alice").salt, parameters: VaultFixture.parameters)
        var secrets = [key.rawRepresentation.unsafeArray, fixture.password.unsafeArray, fixture.wrongPassword.unsafeArray, passwordKey.unsafeArray]
        for node in fixture.nodes {
            let authKey = VaultKeyDerivation.userAuthKey(passwordKey: passwordKey, nodeID: node.nodeID)
            secrets.append(try node.fetchShare(account: "alice", userAuthKey: authKey).value.rawRepresentation.unsafeArray)
            secrets.append(authKey.unsafeArray)
        }
        secrets += secrets.map { Array(Hex.encode($0).utf8) }
        let files = fixture.allFiles()
        #expect(files.count == 11)  // 5 node.secret, 5 share files, 1 record
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            for secret in secrets { #expect(!contains(bytes, secret), "\(file.lastPathComponent) holds a secret") }
        }
    }

    @Test("the node secret is 32 bytes, mode 0600, kept across openings, and refused when group-readable or lost")
    func nodeSecret() async throws {
        let fixture = try VaultFixture(nodeCount: 2)
        let path = fixture.nodes[0].directory + "/node.secret"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(attributes[.size] as? Int == 32)
        #expect(try VaultNode(directory: fixture.nodes[0].directory).nodeID == fixture.nodes[0].nodeID)
        #expect(fixture.nodes[0].nodeID != fixture.nodes[1].nodeID)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: KeyCustodyError(.backendFailure, "")) { try VaultNode(directory: fixture.nodes[0].directory) }
        _ = try await fixture.vault.createAccount(username: "alice", password: fixture.password, threshold: 1, nodes: [fixture.nodes[1]])
        try FileManager.default.removeItem(atPath: fixture.nodes[1].directory + "/node.secret")
        let missing = #expect(throws: KeyCustodyError(.backendFailure, "")) { try VaultNode(directory: fixture.nodes[1].directory) }
        #expect(missing?.reason.hasSuffix("is missing but the node holds shares; restore it from backup.") == true)
    }

    @Test("node ID, auth key, share key, file MAC key and file MAC match Python's blake2b")
    func derivations() async throws {
        // Python: hashlib.blake2b(msg, digest_size=32, key=key) with nodeSecret = 00…1f, passwordKey = 40…5f.
        let fixture = try VaultFixture(nodeCount: 0)
        let directory = fixture.root.appendingPathComponent("fixed").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: directory + "/node.secret", contents: Data(0..<32), attributes: [.posixPermissions: 0o600]))
        let node = try VaultNode(directory: directory)
        #expect(node.nodeID == "0af78d807bd4afc83da128fbc5c062ef")
        let authKey = VaultKeyDerivation.userAuthKey(passwordKey: SecureBytes(Array(0x40..<0x60)), nodeID: node.nodeID)
        #expect(Hex.encode(authKey.unsafeArray) == "7639ae2e2850873c18a0dceed7c387381279bcb7f619569d5b758887e23fa7b6")
        let shareKey = VaultKeyDerivation.shareKey(nodeSecret: node.secret, account: "alice", userAuthKey: authKey)
        #expect(Hex.encode(shareKey.unsafeArray) == "595dec630090179acf620d0d195fe3fcdc76bbcf4f6f6fc87090d3ea88172614")
        #expect(Hex.encode(node.macKey.unsafeArray) == "6f55c5177a540d44d4555c5c3760d4e0d72c1c8789fb3da34d1a0e5dabee0099")
        // Python: blake2b over json.dumps(body, sort_keys=True, separators=(",", ":")) keyed by the MAC key.
        let file = VaultShareFile(account: "alice", index: 3, sealedShare: [UInt8](repeating: 0, count: 73))
        let encoded = try JSONValue(parsing: file.encoded(macKey: node.macKey))
        #expect(encoded["mac"]?.stringValue == "9bcb4c9f87e038b35b3c351a1ec473e94b8b43cda21a37d3b93f96058b07fe4d")
        #expect(String(decoding: file.associatedData, as: UTF8.self) == #"{"account":"alice","format":"chancery/vault-share/v1","index":3}"#)
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
