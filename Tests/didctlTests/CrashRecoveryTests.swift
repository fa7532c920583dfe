import Node
import Chain
import Foundation
import Testing

/// Kills a node with SIGKILL in the middle of a stream of submissions and checks durability:
/// every acknowledged transaction is in the ledger after restart, and `chain verify` passes.
struct CrashRecoveryTests {
    @Test("after SIGKILL during submissions, every acknowledged transaction survives and the ledger verifies")
    func sigkillDuringSubmissions() throws {
        let root = try Didctl.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("node"), acks = root.appendingPathComponent("acks.txt")
        let writer = Didctl.start(["bench", "chain", "--data-dir", data.path, "--transactions", "20000",
                                   "--latency-transactions", "0", "--ack-log", acks.path, "--json"])
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let deadline = Date().addingTimeInterval(240)
        while acknowledged(acks).count < 1_500 && writer.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(writer.isRunning, "the writer must still be submitting when it is killed")
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(writer.terminationReason == .uncaughtSignal)

        let acknowledgedIds = acknowledged(acks)
        #expect(acknowledgedIds.count >= 1_500)
        let store = try SQLiteBlockStore(path: data.appendingPathComponent("ledger.sqlite").path)
        var missing = 0
        for id in acknowledgedIds where try store.location(of: TransactionID(hex: id)) == nil { missing += 1 }
        #expect(missing == 0, "\(missing) acknowledged transactions were lost")
        let report = try ChainVerifier(store: store, handlers: .chainDefaults()).verify()
        #expect(report.isValid, "\(report)")
        #expect(report.verifiedTransactions >= acknowledgedIds.count)

        let verify = try Didctl.run(["chain", "verify", "--data-dir", data.path, "--json"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("\"valid\" : true"))
    }

    /// Complete lines only: the last line may have been cut by the kill.
    private func acknowledged(_ file: URL) -> [String] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()  // after the final newline, or a partial line
        return lines.filter { $0.count == 64 }
    }
}
