import Foundation
import Primitives

/// The DID keys an account gained after its record was written, one JSON line per key in
/// `accounts/<name>.keys.jsonl` beside `accounts/<name>.json` (`specs/chain.md` §6.2).
///
/// An account that registers DIDs for many sessions (the registrar) gains a key per DID; kept
/// in the record itself, every registration would rewrite, and every read parse, all of them.
/// Appending one line per key, and reading only the lines appended since the process last
/// looked, keeps both flat. The record's own `didKeys` (written before this file existed, or
/// when the account was created) come first, then these, oldest first.
struct AccountDIDKeyLog {
    let url: URL
    /// What each file held when last read, by path, so that a read costs the new lines only.
    private static let cache = Cache()

    init(directory: DataDirectory, account: String) {
        url = directory.accountsURL.appendingPathComponent("\(account).keys.jsonl")
    }

    /// The keys appended so far, oldest first.
    func keys() throws -> [AccountDIDKey] {
        try Self.cache.read(following: JSONLinesFile(url: url)) { $0.keys }
    }

    /// How many keys were appended so far.
    func count() throws -> Int {
        try Self.cache.read(following: JSONLinesFile(url: url)) { $0.keys.count }
    }

    /// The keys appended for `did`, oldest first: found through an index, not by a scan.
    func keys(of did: String) throws -> [AccountDIDKey] {
        try Self.cache.read(following: JSONLinesFile(url: url)) { entry in (entry.byDID[did] ?? []).map { entry.keys[$0] } }
    }

    /// Appends `keys`, one line each, readable by the owner only (as the record is).
    func append(_ keys: [AccountDIDKey]) throws {
        guard !keys.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Data()
        for key in keys { bytes += try encoder.encode(key) + [UInt8(ascii: "\n")] }
        try Self.cache.appending { try JSONLinesFile(url: url).append(bytes, permissions: 0o600, sync: true) }
    }

    /// What one file held when last read: its keys, their positions by DID, and where reading
    /// stopped. Mutated in place, so taking in a new line costs that line (a copy of the whole
    /// list per read was what made a registrar's DID creation grow with its DIDs).
    final class Entry {
        var offset: UInt64 = 0
        var keys: [AccountDIDKey] = []
        var byDID: [String: [Int]] = [:]
    }

    /// The keys read so far per file. A file shorter than where reading stopped was replaced,
    /// and is read again from the start.
    final class Cache: @unchecked Sendable {
        // `files` and every entry are guarded by `lock`.
        private let lock = NSLock()
        private var files: [String: Entry] = [:]

        /// Takes in the lines appended to `tail` since it was last read, then answers `body`
        /// from what is known, under the lock.
        func read<T>(following tail: JSONLinesFile, _ body: (Entry) -> T) throws -> T {
            try lock.withLock {
                var entry = files[tail.url.path] ?? Entry()
                if (tail.size() ?? 0) < entry.offset { entry = Entry() }
                let read = try tail.read(from: entry.offset)
                let decoder = JSONDecoder()
                for record in read.records {
                    guard let key = try? decoder.decode(AccountDIDKey.self, from: Data(record.serialized())) else { continue }
                    entry.byDID[key.did, default: []].append(entry.keys.count)
                    entry.keys.append(key)
                }
                entry.offset = read.offset
                files[tail.url.path] = entry
                return body(entry)
            }
        }

        /// Appends take turns within the process (seeking to the end and writing is not one step).
        func appending(_ body: () throws -> Void) throws {
            try lock.withLock { try body() }
        }
    }
}
