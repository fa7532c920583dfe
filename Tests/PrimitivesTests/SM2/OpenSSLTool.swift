import Foundation
import Testing

/// Runs the `openssl` command-line tool in a temporary directory for interoperability tests.
struct OpenSSLTool {
    let directory: URL

    /// Calls `body` with a tool working in a fresh temporary directory, removed afterwards.
    static func withDirectory(_ body: (OpenSSLTool) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-sm2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(OpenSSLTool(directory: directory))
    }

    /// Runs `openssl` with `arguments`; a non-zero exit fails the test unless `allowingFailure`.
    /// - Returns: the exit status and the standard output and error, joined.
    @discardableResult
    func run(_ arguments: [String], allowingFailure: Bool = false) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if !allowingFailure {
            #expect(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " ")): \(output)")
        }
        return (process.terminationStatus, output)
    }

    /// Runs `openssl` with `arguments`, expecting success.
    @discardableResult
    func run(_ arguments: String...) throws -> (status: Int32, output: String) { try run(arguments) }

    /// Writes `bytes` to `name` in the directory.
    func write(_ bytes: [UInt8], to name: String) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    /// The bytes of `name` in the directory.
    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
