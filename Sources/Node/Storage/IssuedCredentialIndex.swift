package import Foundation
package import Primitives

/// The issuer-side record of what this data directory issued: credential id → its status
/// entries, so `credential revoke ID` finds the list and index. Append-only JSON Lines in
/// `issued/index.jsonl`; holds no claims, only identifiers.
package struct IssuedCredentialIndex {
    package let url: URL
    /// Concurrent issuances of one node append here; seeking to the end and writing is not one
    /// step, so appends take turns or one batch's records could overwrite another's.
    private static let appending = NSLock()

    package init(directory: DataDirectory) {
        url = directory.url.appendingPathComponent("issued").appendingPathComponent("index.jsonl")
    }

    /// One status entry of an issued credential.
    package struct Entry {
        package let purpose: String
        package let list: String
        package let index: Int
    }

    /// Appends the issued credentials' status entries.
    package func append(_ credentials: [(id: String, entries: [Entry])]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var bytes: [UInt8] = []
        for credential in credentials {
            let entries: [JSONValue] = credential.entries.map { ["purpose": .string($0.purpose), "list": .string($0.list), "index": .number(Double($0.index))] }
            bytes += JSONValue.object(["id": .string(credential.id), "status": .array(entries)]).serialized() + [UInt8(ascii: "\n")]
        }
        try Self.appending.withLock {
            if !FileManager.default.fileExists(atPath: url.path) { FileManager.default.createFile(atPath: url.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(bytes))
        }
    }

    /// The status entries of credential `id`, or `nil` when this directory did not issue it.
    package func entries(of id: String) throws -> [Entry]? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        for line in data.split(separator: UInt8(ascii: "\n")).reversed() {
            guard let record = try? JSONValue(parsing: Array(line)), record["id"]?.stringValue == id else { continue }
            return (record["status"]?.arrayValue ?? []).compactMap { entry in
                guard let purpose = entry["purpose"]?.stringValue, let list = entry["list"]?.stringValue,
                      let index = entry["index"]?.doubleValue.flatMap(Int.init(exactly:)) else { return nil }
                return Entry(purpose: purpose, list: list, index: index)
            }
        }
        return nil
    }
}
