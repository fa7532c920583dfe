import Foundation

/// A `didctl node start` process of a test, stopped by its own pid (SIGTERM, then SIGKILL after
/// a grace period) by ``stop()``, which the test calls from a `defer`, and in `deinit`.
final class NodeProcess: @unchecked Sendable {
    let process: Process
    let url: URL
    let dataDirectory: URL
    private let errors: Pipe

    /// The `didctl` binary built beside the test bundle.
    static let executable: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()]
            .compactMap { $0 }
            .flatMap { [$0.appendingPathComponent("didctl"), $0.deletingLastPathComponent().appendingPathComponent("didctl")] }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            fatalError("didctl is not built next to the tests (looked in \(candidates.map(\.path)))")
        }
        return found
    }()

    /// Runs `didctl arguments` to completion: exit status, standard output, standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `didctl node start --ordering etcd` (and `arguments`) on a free port and waits for
    /// its URL line.
    init(dataDirectory: URL, etcd endpoints: [String], arguments: [String] = []) throws {
        self.dataDirectory = dataDirectory
        process = Process()
        process.executableURL = Self.executable
        process.arguments = ["node", "start", "--listen", "127.0.0.1:0", "--json", "--data-dir", dataDirectory.path,
                             "--ordering", "etcd", "--etcd-endpoints", endpoints.joined(separator: ",")] + arguments
        let out = Pipe()
        errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        guard let printed = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
              let url = (printed["url"] as? String).flatMap(URL.init(string:)) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "node did not start: \(stderr)"])
        }
        self.url = url
    }

    deinit { stop() }

    /// SIGTERM, and SIGKILL if it has not exited within 30 s.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<300 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGKILL at once, as a crash would.
    func crash() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Whatever the node wrote on standard error (after it stopped).
    func standardError() -> String {
        String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
    }
}
