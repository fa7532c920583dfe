import Foundation
import Testing

/// A benchmark without `--data-dir` works in a temporary directory of its own (gigabytes for
/// `bench scale`), which must go however the run ends.
struct BenchmarkDirectoryTests {
    @Test("a benchmark ended by SIGTERM removes the temporary ledger it was building and exits 128 + SIGTERM")
    func signalRemovesTemporaryDirectory() throws {
        // The benchmark's temporary directory is made under TMPDIR: a directory of this test.
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // Far more than it can finish before the signal.
        let process = Didctl.start(["bench", "scale", "--dids", "0", "--transactions", "10000000", "--baseline", "0"],
                                   environment: ["TMPDIR": root.path])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var ledger: URL?
        for _ in 0..<1_200 where ledger == nil && process.isRunning {
            ledger = (try? FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil))?
                .first { $0.lastPathComponent.hasPrefix("chancery-bench-scale-") }
                .map { $0.appendingPathComponent("ledger.sqlite") }
                .flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let building = try #require(ledger, "the benchmark never created its ledger under \(root.path)")
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGTERM)
        // Without its handler the signal may be ignored (a disposition inherited from the test
        // runner): the test then fails within 30 s rather than waiting out the whole run.
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try #require(!process.isRunning, "SIGTERM did not end the benchmark within 30 s")
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: building.deletingLastPathComponent().path),
                "left behind: \(building.deletingLastPathComponent().path)")
    }
}
