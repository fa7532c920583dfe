import Node
import Foundation
import Primitives
import Testing

/// The verifier web page in a real browser: headless Chromium loads `GET /` from a running
/// node, submits a valid and a revoked credential through the page's own Verify button (the
/// `#verify=` fragment fills the box and clicks it), and the verdicts are read from the DOM.
struct VerifierPageTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Where screenshots are kept: `.build/test-output/VerifierPageTests/`.
    static let outputFolder: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/test-output/VerifierPageTests")
    }()

    @Test("the page shows 'Verified' with every check for a valid credential and 'Not verified: revoked' for a revoked one")
    func verdictsInTheDOM() async throws {
        let browser = try #require(Self.chromium, "Chromium is not installed; `make test` installs it")
        let setup = try CredentialCommandTests.Issuing()
        defer { setup.chain.remove() }
        let valid = try setup.issue(#"{"id": "\#(setup.holder)", "name": "Alice", "degree": "MSc", "year": 2026}"#)
        let revoked = try setup.issue(#"{"name": "Bob", "degree": "BSc", "year": 2025}"#)
        #expect(try setup.chain.run(["credential", "revoke", revoked.id, "--account", "university"], account: "university").status == 0)

        let node = try RunningNode(dataDirectory: setup.chain.root)
        defer { node.stop() }
        try FileManager.default.createDirectory(at: Self.outputFolder, withIntermediateDirectories: true)

        let good = try Self.page(browser, node.url, credential: valid.file, screenshot: "valid-credential.png")
        #expect(good.contains(#"data-verified="true""#), "\(good.suffix(2_000))")
        #expect(good.contains(#"data-check="accreditation" data-outcome="passed""#))
        #expect(good.contains(#"data-check="status" data-outcome="passed""#))
        #expect(good.contains("Alice"), "the disclosed claims are shown")

        let bad = try Self.page(browser, node.url, credential: revoked.file, screenshot: "revoked-credential.png")
        #expect(bad.contains(#"data-verified="false""#))
        #expect(bad.contains(#"data-check="status" data-outcome="failed""#))
        #expect(bad.contains("The credential is revoked"))
        for name in ["valid-credential.png", "revoked-credential.png"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: Self.outputFolder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(name) is a real screenshot")
        }
    }

    /// Loads the page with the credential in the fragment; returns the DOM after the verdict
    /// arrived, and saves a screenshot of the same page.
    static func page(_ browser: String, _ url: URL, credential file: URL, screenshot: String) throws -> String {
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let address = url.absoluteString + "#verify=" + Base64URL.encode(Array(text.utf8))
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--virtual-time-budget=10000",
                      "--user-data-dir=\(FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)").path)"]
        // `--virtual-time-budget` lets the page's scripts run, but nothing bounds how long a
        // loaded machine takes to answer the page's request inside that budget. A page with no
        // verdict at all is loaded again (at most three times); a wrong verdict never is.
        var dom = ""
        for _ in 0..<3 {
            dom = try run(browser, common + ["--dump-dom", address])
            if dom.contains("data-verified=") { break }
        }
        _ = try run(browser, common + ["--window-size=1100,1500", "--screenshot=\(outputFolder.appendingPathComponent(screenshot).path)", address])
        return dom
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// `didctl node start` on an ephemeral port, for tests that need a live node.
final class RunningNode {
    let process: Process
    let url: URL
    /// The log file the test asked for, copied to ``Didctl/outputDirectory`` when stopped.
    private let requestedLog: URL?

    /// Starts the node; its log (standard error) goes to `log` when given, else to
    /// ``Didctl/outputDirectory`` when `make test` collects outputs, else nowhere.
    /// - Parameter launcher: a program that runs the node in its place (`exec`s it, keeping the
    ///   pid), such as `prlimit --fsize=N --`.
    init(dataDirectory: URL, environment: [String: String] = [:], log requested: URL? = nil, arguments: [String] = [],
         launcher: [String] = []) throws {
        process = Didctl.start(["node", "start", "--listen", "127.0.0.1:0", "--json", "--data-dir", dataDirectory.path] + arguments,
                               environment: environment)
        if let program = launcher.first {
            process.arguments = Array(launcher.dropFirst()) + [Didctl.executable.path] + (process.arguments ?? [])
            process.executableURL = URL(fileURLWithPath: program)
        }
        requestedLog = requested
        let out = Pipe()
        process.standardOutput = out
        if let log = requested ?? Didctl.outputFile("node.log") {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        guard let line = NodeStartCommandTests.firstLine(of: out.fileHandleForReading),
              let printed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let url = (printed["url"] as? String).flatMap(URL.init(string:)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.url = url
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        if let requestedLog, let kept = Didctl.outputFile("node.log") {
            try? FileManager.default.copyItem(at: requestedLog, to: kept)
        }
    }
}
