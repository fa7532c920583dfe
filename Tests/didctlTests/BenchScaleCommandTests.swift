import Foundation
import Testing

/// `didctl bench scale`'s options reach the ledger they describe (speed itself is measured by
/// the benchmark, never in tests).
struct BenchScaleCommandTests {
    @Test("--ledger-cache-mib is the page cache the run's ledger writer has, as its --json result reads it back from the connection")
    func ledgerCacheReachesTheStore() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try Didctl.run(["bench", "scale", "--dids", "300", "--transactions", "600", "--segment", "300",
                                     "--latency-transactions", "20", "--resolution-sample", "20", "--baseline", "100",
                                     "--ledger-cache-mib", "3", "--json"], environment: ["TMPDIR": root.path])
        try #require(result.status == 0, "\(result.stderr)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(figures["ledgerCacheMiB"] as? Int == 3, "\(result.stdout)")
        // Its temporary directory went with it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("chancery-bench-scale-") }.isEmpty)
    }

    @Test("--ledger-cache-mib outside 1...65536 is bad usage (exit 2) naming the option", arguments: ["0", "70000"])
    func ledgerCacheIsValidated(value: String) throws {
        let result = try Didctl.run(["bench", "scale", "--ledger-cache-mib", value])
        #expect(result.status == 2 && result.stderr.contains("--ledger-cache-mib"), "\(result.stderr)")
    }
}
