import Benchmarks
import Testing

/// The benchmark reports SM2 and SM3 beside the other curves (timings are measured by
/// `didctl bench primitives`, never asserted here).
struct PrimitivesBenchmarkSMTests {
    @Test("a short run reports SM2 sign, SM2 verify and SM3, each through the wrapper and OpenSSL directly")
    func smOperationsReported() {
        let results = PrimitivesBenchmark(rounds: 1, iterations: 3).run()
        let names = results.map(\.operation)
        for name in ["SM2 sign (SM3, default ID)", "SM2 verify (SM3, default ID)", "SM3 of 1 KiB"] {
            let result = results.first { $0.operation == name }
            #expect(result != nil, "\(name) missing from \(names)")
            #expect((result?.wrapperMicroseconds ?? 0) > 0 && (result?.libraryMicroseconds ?? 0) > 0)
        }
        #expect(names.firstIndex(of: "SM2 sign (SM3, default ID)")! > names.firstIndex(of: "P-256 ECDSA verify")!)
    }
}
