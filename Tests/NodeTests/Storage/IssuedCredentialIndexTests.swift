import Foundation
@testable import Node
import Testing

/// The issued-credential index: lookups through its SQLite table, which follows the JSON Lines
/// file by reading only what was appended since.
struct IssuedCredentialIndexTests {
    private static func directory() -> DataDirectory {
        DataDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent("chancery-issued-\(UUID().uuidString)"))
    }

    private static func entry(_ index: Int) -> IssuedCredentialIndex.Entry {
        IssuedCredentialIndex.Entry(purpose: "revocation", list: "did:example:issuer/status/revocation/1", index: index)
    }

    @Test("a lookup finds each credential's last record, reads only the lines appended since the previous lookup, and nothing for an unknown id")
    func lookupsFollowTheFile() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let index = IssuedCredentialIndex(directory: directory)
        #expect(try index.entries(of: "urn:uuid:1") == nil)
        try index.append((1...1_000).map { ("urn:uuid:\($0)", [Self.entry($0)]) })
        #expect(try index.entries(of: "urn:uuid:700")?.map(\.index) == [700])
        let whole = index.lastBytesRead
        #expect(whole > 50_000)
        // Nothing new: the next lookup reads nothing, however many credentials there are.
        #expect(try index.entries(of: "urn:uuid:3")?.map(\.index) == [3])
        #expect(index.lastBytesRead == 0)
        // One more record, and one that replaces an earlier one: only their line is read.
        try index.append([("urn:uuid:1001", [Self.entry(1001)]), ("urn:uuid:5", [Self.entry(55)])])
        #expect(try index.entries(of: "urn:uuid:5")?.map(\.index) == [55])
        #expect(index.lastBytesRead > 0 && index.lastBytesRead < 300)
        #expect(try index.entries(of: "urn:uuid:1001")?.first?.list == "did:example:issuer/status/revocation/1")
        #expect(try index.entries(of: "urn:uuid:none") == nil)
    }

    @Test("a line another process is still writing is taken once complete, and a lookup table that is not a database is rebuilt from the file")
    func partialLinesAndDamagedTable() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(at: directory.url) }
        let index = IssuedCredentialIndex(directory: directory)
        try index.append([("urn:uuid:a", [Self.entry(1)])])
        #expect(try index.entries(of: "urn:uuid:a") != nil)
        let line = #"{"id":"urn:uuid:b","status":[{"purpose":"revocation","list":"L","index":2}]}"#
        let handle = try FileHandle(forWritingTo: index.url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.prefix(30).utf8))
        #expect(try index.entries(of: "urn:uuid:b") == nil)
        try handle.write(contentsOf: Data((line.dropFirst(30) + "\n").utf8))
        try handle.close()
        #expect(try index.entries(of: "urn:uuid:b")?.map(\.index) == [2])

        // A damaged table in a fresh process (another directory path keeps this one's table
        // out of the process cache): copy the file, break the table, look up.
        let copy = Self.directory()
        defer { try? FileManager.default.removeItem(at: copy.url) }
        try FileManager.default.createDirectory(at: copy.url.appendingPathComponent("issued"), withIntermediateDirectories: true)
        let copied = IssuedCredentialIndex(directory: copy)
        try FileManager.default.copyItem(at: index.url, to: copied.url)
        try Data(repeating: 0x42, count: 4_096).write(to: copied.tableURL)
        #expect(try copied.entries(of: "urn:uuid:a")?.map(\.index) == [1])
        #expect(try copied.entries(of: "urn:uuid:b")?.map(\.index) == [2])
    }
}
