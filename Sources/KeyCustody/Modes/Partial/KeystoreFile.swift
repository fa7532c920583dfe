#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Primitives

/// Reads and writes keystore files so that a crash or a failed write never leaves a damaged or
/// missing keystore: the new content goes to a temporary file in the same directory, is
/// flushed, and only then takes the keystore's name in one `rename` (or `link`, for a new file).
enum KeystoreFile {
    /// Larger than any keystore with a few thousand keys; a bigger file is not a keystore.
    static let maxSize = 16 * 1024 * 1024

    /// The whole content of `path`.
    /// - Throws: `KeyCustodyError.backendUnavailable` naming the path when it cannot be read;
    ///   `.backendFailure` when it is larger than any keystore.
    static func contents(of path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw unavailable("read", path) }
        defer { close(fd) }
        var content: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw unavailable("read", path) }
            if count == 0 { return content }
            content += chunk[..<count]
            guard content.count <= maxSize else { throw KeyCustodyError.corruptKeystore(path, "it is larger than 16 MiB") }
        }
    }

    /// Writes `content` to `path` with mode 0600, atomically.
    /// - Parameters:
    ///   - content: the new file content.
    ///   - path: the keystore file.
    ///   - replacing: whether an existing file is replaced; when `false`, an existing file is
    ///     an error and is left alone.
    /// - Throws: `KeyCustodyError.invalidInput` when `replacing` is `false` and the file exists;
    ///   `.backendUnavailable` naming the path when the directory cannot be written.
    static func publish(_ content: [UInt8], at path: String, replacing: Bool) throws {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = "\(directory)/.\(name).\(Hex.encode(SecureRandom.bytes(count: 8))).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw unavailable("create a temporary file next to", path) }
        var published = false
        defer { if !published { unlink(temporary) } }
        // The umask may only remove bits, but set the mode anyway so nothing depends on it.
        let written = fchmod(fd, 0o600) == 0 && writeAll(content, to: fd) && fsync(fd) == 0
        guard close(fd) == 0, written else { throw unavailable("write", path) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw unavailable("replace", path) }
        } else {
            // `link` fails if the name exists, where `rename` would silently replace it.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw KeyCustodyError(.invalidInput, "A file already exists at \(path); a new keystore is never written over it.") }
                throw unavailable("create", path)
            }
            unlink(temporary)
        }
        published = true
        syncDirectory(directory)
    }

    private static func writeAll(_ content: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < content.count {
            let count = content[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Makes the rename itself durable; a failure here leaves a valid file, so it is ignored.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func unavailable(_ action: String, _ path: String) -> KeyCustodyError {
        let detail = String(cString: strerror(errno))
        return KeyCustodyError(.backendUnavailable, "Could not \(action) the keystore \(path): \(detail).")
    }
}
