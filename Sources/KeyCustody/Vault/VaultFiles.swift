import Foundation
internal import Primitives
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations of the vault: whole-file reads, and writes that are atomic (temporary
/// file, `fsync`, `rename`) so that a crash leaves either the old or the new file, never half.
enum VaultFiles {
    /// Creates a directory and its parents, readable only by the owner.
    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KeyCustodyError(.backendUnavailable, "The vault directory \(path) cannot be created: \(error.localizedDescription)")
        }
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The file's bytes, or `nil` when there is no such file.
    static func read(_ path: String) throws -> [UInt8]? {
        guard exists(path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KeyCustodyError(.backendUnavailable, "The vault file \(path) cannot be read.")
        }
        return [UInt8](data)
    }

    /// Replaces (or creates) `path` with `bytes` atomically.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws {
        let temporary = try writeTemporary(bytes, besides: path, mode: mode)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw KeyCustodyError(.backendUnavailable, "The vault file \(path) cannot be written: \(reason).")
        }
    }

    /// Creates `path` with `bytes` only if it does not exist yet, atomically even against another
    /// process doing the same (`link` fails on an existing name, unlike `rename`).
    /// - Returns: `false` when the file already existed, in which case it is left untouched.
    static func createOnce(_ bytes: SecureBytes, at path: String, mode: mode_t = 0o600) throws -> Bool {
        let temporary = try bytes.withUnsafeBytes { try writeTemporary(Array($0), besides: path, mode: mode) }
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw KeyCustodyError(.backendUnavailable, "The vault file \(path) cannot be created: \(String(cString: strerror(errno))).")
        }
        return true
    }

    /// Removes `path`; a missing file is not an error.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw KeyCustodyError(.backendUnavailable, "The vault file \(path) cannot be removed: \(String(cString: strerror(errno))).")
        }
    }

    private static func writeTemporary(_ bytes: [UInt8], besides path: String, mode: mode_t) throws -> String {
        let temporary = path + ".tmp-" + Hex.encode(SecureRandom.bytes(count: 8))
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw KeyCustodyError(.backendUnavailable, "The vault file \(path) cannot be written: \(String(cString: strerror(errno))).")
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + written, $0.count - written) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { break }
            written += result
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(temporary)
            throw KeyCustodyError(.backendUnavailable, "The vault file \(path) cannot be written completely.")
        }
        return temporary
    }
}

/// The C `write`, which the `write` members of ``VaultFiles`` would otherwise shadow.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
