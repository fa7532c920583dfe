import Chain
import Node
import Primitives

extension RegisterBenchmark {
    /// Median µs to check both signatures of a decoded `did.create` transaction (one-time key
    /// certificate and transaction), one thread, as `bench chain` measures its bound.
    func verificationCost(client: RegistrationClient, service: MembershipService, runtime: NodeRuntime) async throws -> Double {
        var sample: [[UInt8]] = []
        for _ in 0..<4 {
            let (keys, request) = try await client.issuer.request(count: 500, epoch: client.epoch, time: runtime.clock.nowMilliseconds())
            let issued = try service.certify(request, now: runtime.clock.nowMilliseconds())
            for oneTimeKey in OneTimeKeyIssuer.credentials(keys: keys, epoch: client.epoch, issued: issued) {
                sample.append(try RegistrationClient.create(chainId: client.chainId, oneTimeKey: oneTimeKey).0.encoded)
            }
        }
        let serviceKey = try runtime.genesis.membershipServiceKey()
        let decoded = try sample.map { try Transaction(decoding: $0) }
        var rounds: [Double] = []
        for _ in 0..<5 {
            let start = ContinuousClock.now
            for transaction in decoded {
                guard transaction.verifySignatures(chainId: client.chainId, membershipServiceKey: serviceKey) == nil else {
                    throw BenchmarkError("A benchmark did.create transaction failed verification.")
                }
            }
            rounds.append((ContinuousClock.now - start).seconds * 1e6 / Double(sample.count))
        }
        return BenchmarkStatistics.median(rounds)
    }
}
