import Chain
import ChainTestSupport
import Primitives
import Testing

/// Reads only the committee may make are signed by a sitting member, fresh, for one resource.
struct CommitteeReadSignatureTests {
    private let resource = "GET /membership/requests"

    @Test("a sitting member's fresh signature is accepted and survives its header form")
    func memberSignatureAccepted() throws {
        let chain = try ChainFixture(committee: 2, threshold: 2)
        defer { chain.close() }
        let now = chain.clock.nowMilliseconds()
        let signature = try CommitteeReadSignature(resource: resource, approver: "c1", key: chain.committeeKeys[1], chainId: chain.chainId, time: now)
        let read = try CommitteeReadSignature(header: signature.header)
        #expect(read == signature)
        try read.check(resource: resource, chainId: chain.chainId, state: chain.store, now: now)
    }

    @Test("a signature by another key, for another resource, by a non-member or more than five minutes old is refused as unauthorized")
    func refusals() throws {
        let chain = try ChainFixture(committee: 2, threshold: 2)
        defer { chain.close() }
        let now = chain.clock.nowMilliseconds()
        let cases: [(CommitteeReadSignature, String)] = [
            (try CommitteeReadSignature(resource: resource, approver: "c0", key: chain.committeeKeys[1], chainId: chain.chainId, time: now), "wrong key"),
            (try CommitteeReadSignature(resource: "GET /elsewhere", approver: "c0", key: chain.committeeKeys[0], chainId: chain.chainId, time: now),
             "other resource"),
            (try CommitteeReadSignature(resource: resource, approver: "stranger", key: Secp256k1PrivateKey(), chainId: chain.chainId, time: now),
             "not a member"),
            (try CommitteeReadSignature(resource: resource, approver: "c0", key: chain.committeeKeys[0], chainId: chain.chainId,
                                        time: now - CommitteeReadSignature.maximumSkewMilliseconds - 1), "stale"),
        ]
        for (signature, label) in cases {
            do {
                try signature.check(resource: resource, chainId: chain.chainId, state: chain.store, now: now)
                Issue.record("\(label) was accepted")
            } catch let error as ChainError {
                #expect(error.code == .unauthorized, "\(label): \(error)")
            }
        }
        #expect(throws: ChainError.self) { try CommitteeReadSignature(header: "c0 notanumber abc") }
    }
}
