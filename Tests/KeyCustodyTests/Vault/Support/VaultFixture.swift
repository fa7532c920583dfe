import Foundation
import KeyCustody
import Primitives

/// A split vault of five nodes in a fresh temporary directory, with a test clock and a cheap
/// Argon2id cost (one pass, 8 KiB) so tests stay fast; the directory is removed on release.
final class VaultFixture {
    let root: URL
    let clock: TestClock
    let nodes: [VaultNode]
    let vault: SplitVault
    let password = SecureBytes(Array("correct horse battery staple".utf8))
    let wrongPassword = SecureBytes(Array("Tr0ub4dor&3".utf8))

    static let parameters: Argon2id.Parameters = {
        do { return try Argon2id.Parameters(opsLimit: 1, memLimit: 8192) } catch { fatalError("\(error)") }
    }()

    init(nodeCount: Int = 5) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-vault-\(UUID().uuidString)")
        let clock = TestClock()
        nodes = try (1..<nodeCount + 1).map { number in
            try VaultNode(directory: root.appendingPathComponent("node\(number)").path, clock: clock.closure)
        }
        self.root = root
        self.clock = clock
        vault = try SplitVault(directory: root.appendingPathComponent("accounts").path, nodes: nodes, parameters: Self.parameters)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Takes a node off line by deleting its directory.
    func deleteNode(_ number: Int) throws {
        try FileManager.default.removeItem(atPath: nodes[number - 1].directory)
    }

    /// Every file under the fixture's directory (node secrets, share files, account records).
    func allFiles() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }

    /// The one share file of node `number`.
    func shareFile(ofNode number: Int) -> URL {
        let shares = URL(fileURLWithPath: nodes[number - 1].directory).appendingPathComponent("shares")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shares.path)) ?? []
        return shares.appendingPathComponent(names.first { $0.hasSuffix(".json") } ?? "missing.json")
    }
}
