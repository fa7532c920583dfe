import Foundation

/// A private directory for the harnesses that read files: in `/dev/shm` when there is one,
/// so a write per input costs no disk I/O, else in the temporary directory.
enum FuzzScratch {
    static let directory: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = base + "/chancery-fuzz-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        atexit { try? FileManager.default.removeItem(atPath: FuzzScratch.directory) }
        return path
    }()

    /// Replaces the file at `path` with `bytes`.
    static func write(_ bytes: [UInt8], to path: String) {
        FuzzCheck.require(FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]),
                          "the harness can write its scratch file \(path)")
    }
}
