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
        try Self.cache.keys(following: JSONLinesFile(url: url))
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

    /// The keys read so far per file and where reading stopped. A file shorter than that was
    /// replaced, and is read again from the start.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: (offset: UInt64, keys: [AccountDIDKey])] = [:]

        func keys(following tail: JSONLinesFile) throws -> [AccountDIDKey] {
            try lock.withLock {
                var known = files[tail.url.path] ?? (0, [])
                if (tail.size() ?? 0) < known.offset { known = (0, []) }
                let read = try tail.read(from: known.offset)
                let decoder = JSONDecoder()
                known.keys += read.records.compactMap { try? decoder.decode(AccountDIDKey.self, from: Data($0.serialized())) }
                known.offset = read.offset
                files[tail.url.path] = known
                return known.keys
            }
        }

        /// Appends take turns within the process (seeking to the end and writing is not one step).
        func appending(_ body: () throws -> Void) throws {
            try lock.withLock { try body() }
        }
    }
}
