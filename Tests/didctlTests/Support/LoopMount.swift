import Foundation
import Testing

/// A small ext4 file system on a loop device, mounted in a temporary directory, whose journal a
/// test can abort: ext4 then turns read-only under the files a running process holds open
/// (`mount -o remount,abort`), which a plain `remount,ro` refuses while files are open for
/// writing. Needs root and a free loop device, as the CI machine has; `remove()` undoes all of it.
struct LoopMount {
    /// The mounted file system's root.
    let directory: URL
    private let image: URL
    private let device: String

    /// Makes a `megabytes` image, attaches it to a free loop device, formats and mounts it.
    init(megabytes: Int) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-loop-\(UUID().uuidString)")
        image = base.appendingPathExtension("img")
        directory = base.appendingPathComponent("mnt")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: image.path, contents: nil)
        let handle = try FileHandle(forWritingTo: image)
        try handle.truncate(atOffset: UInt64(megabytes) << 20)
        try handle.close()
        device = try Self.run("/usr/sbin/losetup", ["--find", "--show", image.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            _ = try Self.run("/usr/sbin/mkfs.ext4", ["-q", "-F", device])
            _ = try Self.run("/usr/bin/mount", [device, directory.path])
        } catch {
            _ = try? Self.run("/usr/sbin/losetup", ["--detach", device])
            try? FileManager.default.removeItem(at: base)
            try? FileManager.default.removeItem(at: image)
            throw error
        }
    }

    /// Writes what the file system holds in memory to the image, as files an operator put in
    /// place long before a fault would be.
    func sync() throws {
        _ = try Self.run("/usr/bin/sync", ["--file-system", directory.path])
    }

    /// Aborts the journal: from now on every write on the file system fails with `EROFS`, while
    /// reads, of open files too, go on.
    func abortJournal() throws {
        _ = try Self.run("/usr/bin/mount", ["-o", "remount,abort", directory.path])
    }

    /// Unmounts, repairs what the abort left (`e2fsck -fy`: the journal replayed, the error
    /// flag cleared) and mounts again writable, as an operator would.
    func repairAndRemount() throws {
        _ = try Self.run("/usr/bin/umount", [directory.path])
        // e2fsck exits 1 when it corrected something, which is the point here.
        _ = try Self.run("/usr/sbin/e2fsck", ["-f", "-y", device], accepting: [0, 1])
        _ = try Self.run("/usr/bin/mount", [device, directory.path])
    }

    /// Unmounts, detaches the loop device and deletes the image.
    func remove() {
        _ = try? Self.run("/usr/bin/umount", [directory.path])
        _ = try? Self.run("/usr/sbin/losetup", ["--detach", device])
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
        try? FileManager.default.removeItem(at: image)
    }

    @discardableResult
    private static func run(_ program: String, _ arguments: [String], accepting: Set<Int32> = [0]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard accepting.contains(process.terminationStatus) else {
            throw LoopMountError(command: ([program] + arguments).joined(separator: " "), status: process.terminationStatus,
                                 message: String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A mount, loop or repair command that failed, with what it printed.
struct LoopMountError: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    let message: String
    var description: String { "\(command) exited \(status): \(message)" }
}
