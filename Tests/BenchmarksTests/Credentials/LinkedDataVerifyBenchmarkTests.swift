import Benchmarks
import Testing

/// `didctl bench verify --format di-eddsa-rdfc` at a tiny size: every credential of both
/// formats verifies and every figure is measured (speed itself is measured by the benchmark,
/// never in tests).
struct LinkedDataVerifyBenchmarkTests {
    @Test("the LD verification benchmark verifies every eddsa-rdfc-2022 and vc+jwt credential it times")
    func tinyRun() async throws {
        let result = try await LinkedDataVerifyBenchmark(credentials: 4, verifications: 12, rounds: 1).run()
        #expect(result.allVerified)
        #expect(result.credentials == 4)
        #expect(result.linkedDataPerSecond > 0 && result.jwtPerSecond > 0 && result.signatureBoundPerSecond > 0)
    }
}
