import Chain
import Testing

/// The benchmark helper behind `didctl bench audit` returns consistent figures (speed itself
/// is measured by the benchmark, never in tests).
struct AuditBenchmarkTests {
    @Test("the audit benchmark follows every transaction it built and reports a rate")
    func smallRun() throws {
        let result = try AuditBenchmark.run(transactions: 150, rounds: 2, transactionsPerBlock: 60)
        #expect(result.transactions == 150 && result.entries == 150)
        #expect(result.blocks == 3 && result.rounds == 2)
        #expect(result.envelopesPerSecond > 0 && result.medianSeconds > 0)
    }
}
