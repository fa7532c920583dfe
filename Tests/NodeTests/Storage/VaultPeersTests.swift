import Foundation
import KeyCustody
import Node
import Primitives
import Testing

/// `vault/peers.json`: the remote vault nodes a data directory splits its accounts across.
struct VaultPeersTests {
    static func peer(_ number: Int, key: VaultTransportKey) -> [String: Any] {
        ["url": "http://10.0.0.\(number):8080", "nodeId": String(repeating: "\(number)", count: 32), "transportKey": key.description]
    }

    static func json(_ object: [String: Any]) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: object)) }

    @Test("a peer list is read with its threshold, or a majority when it names none, and written back the same")
    func reads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-peers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = try VaultNode(directory: root.appendingPathComponent("n").path).transportKey
        let three = try VaultPeers(json: Self.json(["nodes": (1...3).map { Self.peer($0, key: key) }]))
        #expect(three.threshold == 2 && three.nodes.count == 3 && three.nodes[1].url.absoluteString == "http://10.0.0.2:8080")
        #expect(try VaultPeers(json: three.json) == three)
        #expect(try VaultPeers(json: Self.json(["threshold": 3, "nodes": (1...4).map { Self.peer($0, key: key) }])).threshold == 3)
    }

    @Test("a malformed peer list is refused saying what is wrong")
    func refusesMalformed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-peers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = try VaultNode(directory: root.appendingPathComponent("n").path).transportKey
        let good = Self.peer(1, key: key)
        let cases: [([UInt8], String)] = [
            (Array("not json".utf8), "A vault peer list is"),
            (try Self.json(["nodes": [good.merging(["url": "ftp://x"]) { $1 }]]), "needs \"url\""),
            (try Self.json(["nodes": [good.merging(["nodeId": "xyz"]) { $1 }]]), "needs \"nodeId\""),
            (try Self.json(["nodes": [good.merging(["transportKey": "vt1.AAAA"]) { $1 }]]), "needs \"transportKey\""),
            (try Self.json(["nodes": [good, good]]), "same node ID"),
            (try Self.json(["nodes": [] as [Any]]), "needs 1 to 255 peers"),
            (try Self.json(["threshold": 2, "nodes": [good]]), "not 2-of-1"),
            (try Self.json(["threshold": 1e300, "nodes": [good]]), "not 0-of-1"),
        ]
        for (bytes, expected) in cases {
            do {
                _ = try VaultPeers(json: bytes)
                Issue.record("accepted: \(String(decoding: bytes, as: UTF8.self))")
            } catch let error as NodeError {
                #expect(error.isRefusal && error.message.contains(expected), "\(error.message)")
            }
        }
    }

    @Test("a data directory switches to remote vault nodes only before its first full-custody account, and only once")
    func switchesOnlyWhenEmpty() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-peers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let key = try VaultNode(directory: root.appendingPathComponent("n").path).transportKey
        let peers = try VaultPeers(json: Self.json(["nodes": (1...3).map { Self.peer($0, key: key) }]))
        let directory = DataDirectory(url: root.appendingPathComponent("data"))
        #expect(try directory.vaultPeers() == nil)
        try directory.useVaultPeers(peers)
        #expect(try directory.vaultPeers() == peers)
        #expect(throws: NodeError.self) { try directory.useVaultPeers(peers) }
        // Without a way to reach the hosts, the vault says so rather than falling back to local nodes.
        #expect(throws: NodeError.self) { _ = try directory.vault() }

        let other = DataDirectory(url: root.appendingPathComponent("other"))
        _ = try other.vault()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("other/vault/accounts"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root.appendingPathComponent("other/vault/accounts/ab.json").path, contents: Data("{}".utf8))
        do {
            try other.useVaultPeers(peers)
            Issue.record("switched while an account lives on the local nodes")
        } catch let error as NodeError {
            #expect(error.message.contains("1 full-custody account(s)"), "\(error.message)")
        }
        #expect(try other.vaultPeers() == nil)
    }
}
