import Benchmarks
import Testing

/// The benchmark behind `didctl bench audit` returns consistent figures (speed itself is
/// measured by the benchmark, never in tests).
struct AuditBenchmarkTests {
    @Test("the audit benchmark follows every transaction it built and reports a rate")
    func smallRun() async throws {
        let result = try await AuditBenchmark.run(transactions: 150, rounds: 2, transactionsPerBlock: 60)
        #expect(result.transactions == 150 && result.entries == 150)
        // Blocks close at 60 transactions, or early if submissions pause on a loaded machine.
        #expect(result.blocks >= 3 && result.rounds == 2)
        #expect(result.envelopesPerSecond > 0 && result.medianSeconds > 0)
    }
}
