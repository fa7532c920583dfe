package import Foundation

/// A `didctl node start --ordering etcd` process of `didctl bench consortium` and of the
/// consortium tests, stopped by its own pid by ``stop()`` (SIGTERM, then SIGKILL after a grace
/// period), which they call from a `defer`, and in `deinit`. Its standard error goes to
/// `node.log` in its data directory, so a chatty node never blocks on a full pipe.
package final class ConsortiumNodeProcess: @unchecked Sendable {
    /// The process.
    package let process: Process
    /// Where it serves its API.
    package let url: URL
    /// Its data directory.
    package let dataDirectory: URL
    private let log: URL

    /// Starts the node on a free port and waits for the line naming its URL.
    /// - Parameters:
    ///   - didctl: the `didctl` executable.
    ///   - dataDirectory: the node's data directory.
    ///   - endpoints: the etcd cluster's client URLs.
    /// - Throws: `BenchmarkError` with the node's standard error when it did not start.
    ///   - requestsPerClient: `--requests-per-client`: the benchmark's submissions all come from
    ///     one address.
    ///   - arguments: more `node start` options (`--peers`, `--log-retention`).
    package init(didctl: URL, dataDirectory: URL, etcd endpoints: [String], requestsPerClient: Int = 64, arguments: [String] = []) throws {
        self.dataDirectory = dataDirectory
        process = Process()
        process.executableURL = didctl
        process.arguments = ["node", "start", "--listen", "127.0.0.1:0", "--json", "--data-dir", dataDirectory.path,
                             "--ordering", "etcd", "--etcd-endpoints", endpoints.joined(separator: ","),
                             "--requests-per-client", String(requestsPerClient)] + arguments
        let log = dataDirectory.appendingPathComponent("node.log")
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        BenchmarkChildren.started(process.processIdentifier)
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
            BenchmarkChildren.ended(process.processIdentifier)
            let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BenchmarkError("A consortium node did not start: \(errors.suffix(2_000))")
        }
        self.url = url
    }

    deinit { stop() }

    /// SIGTERM, and SIGKILL if it has not exited within 30 s.
    package func stop() {
        defer { BenchmarkChildren.ended(process.processIdentifier) }
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<300 where process.isRunning { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// SIGKILL at once, as a crash would.
    package func crash() {
        defer { BenchmarkChildren.ended(process.processIdentifier) }
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// What the node wrote on standard error so far.
    package func standardError() -> String {
        (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }

    /// Runs `didctl arguments` to completion: its standard output.
    /// - Throws: `BenchmarkError` with its standard error when it exits with another status than 0.
    package static func run(_ didctl: URL, _ arguments: [String]) throws -> String {
        let result = try execute(didctl, arguments)
        guard result.status == 0 else {
            throw BenchmarkError("didctl \(arguments.prefix(2).joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs `didctl arguments` to completion: exit status, standard output, standard error.
    package static func execute(_ didctl: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = didctl
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
