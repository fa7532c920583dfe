import Node
import Foundation

/// Runs the `didctl` binary built beside the test bundle, as a user or script would.
enum Didctl {
    static let executable: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL?.deletingLastPathComponent()]
            .compactMap { $0 }
            .flatMap { [$0.appendingPathComponent("didctl"), $0.deletingLastPathComponent().appendingPathComponent("didctl")] }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            fatalError("didctl is not built next to the tests (looked in \(candidates.map(\.path)))")
        }
        return found
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `didctl arguments` to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = start(arguments, environment: environment)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                            stderr: String(decoding: stderr, as: UTF8.self))
        keep(result, of: arguments)
        return result
    }

    /// Where `make test` collects the output of every command and node of the suite, for
    /// scripts/check-secret-leaks.sh to scan afterwards; `nil` when not collecting.
    static let outputDirectory: URL? = ProcessInfo.processInfo.environment["CHANCERY_TEST_OUTPUT_DIR"].flatMap {
        $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true)
    }

    /// A new file name in ``outputDirectory``.
    static func outputFile(_ suffix: String) -> URL? {
        guard let directory = outputDirectory else { return nil }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("\(UUID().uuidString)-\(suffix)")
    }

    /// Keeps a command's arguments, exit status, standard output and standard error in
    /// ``outputDirectory`` when collecting.
    static func keep(_ result: Result, of arguments: [String]) {
        guard let file = outputFile("didctl.txt") else { return }
        let text = "$ didctl \(arguments.joined(separator: " "))\nexit \(result.status)\n--- stdout\n\(result.stdout)\n--- stderr\n\(result.stderr)\n"
        try? Data(text.utf8).write(to: file)
    }

    /// A configured, not yet started process.
    static func start(_ arguments: [String], environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        return process
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
