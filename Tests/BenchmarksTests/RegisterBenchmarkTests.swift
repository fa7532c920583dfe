import Benchmarks
import Chain
import DID
import Foundation
import Node
import Synchronization
import Testing

/// `didctl bench register` at a tiny size: both phases commit what they report, over real
/// sockets for the HTTP phase (speed itself is measured by the benchmark, never in tests).
struct RegisterBenchmarkTests {
    @Test("the registration benchmark commits every DID it counts, in process and through POST /transactions")
    func tinyRun() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-register-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let phases = Mutex<[[DID]]>([])
        let result = try await RegisterBenchmark(dids: 20, clients: 2, window: 4, keysPerRequest: 7, rounds: 1,
                                                 directory: DataDirectory(url: url)).run { dids in phases.withLock { $0.append(dids) } }
        #expect(result.registered == 40 && result.resolved == 40)
        #expect(result.inProcessRounds.count == 1 && result.httpRounds.count == 1)
        #expect(result.inProcessPerSecond > 0 && result.httpPerSecond > 0 && result.verificationBoundPerSecond > 0)
        // The registration bound: both signatures, the body and the inception proof of a did.create, checked once.
        #expect(result.checkBoundPerSecond > 0 && result.checkMicrosecondsPerTransaction > 0)

        // Reopened afterwards, the ledger holds each DID of both phases, 20 each, all distinct.
        let dids = phases.withLock { $0 }
        #expect(dids.map(\.count) == [20, 20])
        #expect(Set(dids.joined()).count == 40)
        let runtime = try NodeRuntime(directory: DataDirectory(url: url))
        defer { runtime.node.shutdown() }
        let resolver = DIDChancery.Resolver(chainId: runtime.genesis.chainId, state: runtime.store)
        for did in dids.joined() {
            let resolution = resolver.resolveNow(did)
            #expect(resolution.isSuccess && resolution.didDocumentMetadata.versionId == "1", "\(did)")
        }
    }
}
