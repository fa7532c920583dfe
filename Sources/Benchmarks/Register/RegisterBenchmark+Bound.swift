import Chain
import Node
import Primitives

extension RegisterBenchmark {
    /// One thread's median cost per `did.create`, in µs: the two signatures of the transaction
    /// alone, and the whole stateless check (both signatures, the body parsed, the document
    /// checked, the inception proof's key recovered), as `bench chain` measures its bound.
    struct VerificationCost {
        var signatures: Double
        var statelessCheck: Double
    }

    /// Measures ``VerificationCost`` over 2,000 fresh `did.create` transactions.
    func verificationCost(client: RegistrationClient, service: MembershipService, runtime: NodeRuntime) async throws -> VerificationCost {
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
        var signatureRounds: [Double] = [], checkRounds: [Double] = []
        for _ in 0..<5 {
            var start = ContinuousClock.now
            for transaction in decoded {
                guard transaction.verifySignatures(chainId: client.chainId, membershipServiceKey: serviceKey) == nil else {
                    throw BenchmarkError("A benchmark did.create transaction failed verification.")
                }
            }
            signatureRounds.append((ContinuousClock.now - start).seconds * 1e6 / Double(sample.count))
            start = ContinuousClock.now
            for transaction in decoded { _ = try runtime.node.check(transaction) }
            checkRounds.append((ContinuousClock.now - start).seconds * 1e6 / Double(sample.count))
        }
        return VerificationCost(signatures: BenchmarkStatistics.median(signatureRounds),
                                statelessCheck: BenchmarkStatistics.median(checkRounds))
    }
}
