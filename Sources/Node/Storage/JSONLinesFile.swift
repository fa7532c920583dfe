import Foundation
import Primitives

/// An append-only JSON Lines file: appends at its end, and reads of what was appended since a
/// byte offset, so that an index over the file costs the new lines, not the whole file, per
/// lookup. Only complete lines (ending in a newline) are read: another process may be writing
/// the last one.
struct JSONLinesFile {
    /// The complete lines after the offset, parsed (lines that are not JSON are skipped, as the
    /// whole-file readers did), and the offset just past the last complete line.
    struct Read {
        var records: [JSONValue]
        var offset: UInt64
    }

    let url: URL

    /// The file's size, or `nil` when it does not exist.
    func size() -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.uint64Value
    }

    /// Reads the complete lines from `offset` on.
    /// - Parameter offset: where the previous read stopped (0 for the whole file).
    /// - Returns: the records and the new offset; no records and the same offset when nothing
    ///   complete was appended (or the file does not exist).
    /// - Throws: when the file exists but cannot be read.
    func read(from offset: UInt64) throws -> Read {
        guard let size = size(), size > offset else { return Read(records: [], offset: offset) }
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let bytes = [UInt8](try handle.read(upToCount: Int(size - offset)) ?? Data())
        guard let last = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return Read(records: [], offset: offset) }
        let records = bytes[...last].split(separator: UInt8(ascii: "\n")).compactMap { try? JSONValue(parsing: Array($0)) }
        return Read(records: records, offset: offset + UInt64(last + 1))
    }

    /// Appends `bytes` (whole lines) at the end, creating the file with `permissions` if it
    /// does not exist. Callers in one process take turns: seeking to the end and writing is not
    /// one step.
    /// - Parameters:
    ///   - bytes: complete lines, each ending in a newline.
    ///   - permissions: the new file's mode, if any.
    ///   - sync: whether to wait until the lines are on disk.
    func append(_ bytes: Data, permissions: Int? = nil, sync: Bool = false) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil, attributes: permissions.map { [.posixPermissions: $0] })
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: bytes)
        if sync { try handle.synchronize() }
    }
}
