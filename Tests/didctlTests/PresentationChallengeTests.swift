import Node
import Foundation
import Testing

/// `didctl presentation challenge` keeps its single-use challenges in the data directory:
/// private to the operator, and cleared of challenges nobody can answer any more.
struct PresentationChallengeTests {
    static func permissions(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    static func challenge(_ root: URL) throws -> String {
        let result = try Didctl.run(["presentation", "challenge", "--json", "--data-dir", root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return try #require(object?["challenge"] as? String)
    }

    @Test("the challenge folder is 0700 (tightened if it was 0755) and each challenge file 0600")
    func privateFiles() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("challenges")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let challenge = try Self.challenge(root)
        #expect(try Self.permissions(folder) == 0o700)
        #expect(try Self.permissions(folder.appendingPathComponent(challenge)) == 0o600)
    }

    @Test("issuing a challenge deletes expired and used challenge files past their lifetime, and keeps live ones")
    func pruning() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let live = try Self.challenge(root)
        let folder = root.appendingPathComponent("challenges")
        let now = Int64(Date().timeIntervalSince1970 * 1000), old = now - 11 * 60 * 1000
        let files = ["expiredAAAAAAAAAAAAAAAA": old, "usedOldBBBBBBBBBBBBBBBBB.used": old, "usedNewCCCCCCCCCCCCCCCCC.used": now]
        for (name, time) in files { try Data(String(time).utf8).write(to: folder.appendingPathComponent(name)) }
        _ = try Self.challenge(root)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names.contains(live) && names.contains("usedNewCCCCCCCCCCCCCCCCC.used"), "\(names)")
        #expect(!names.contains("expiredAAAAAAAAAAAAAAAA") && !names.contains("usedOldBBBBBBBBBBBBBBBBB.used"), "\(names)")
        #expect(names.count == 3)
    }
}
