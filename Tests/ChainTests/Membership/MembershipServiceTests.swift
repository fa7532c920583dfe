import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// `specs/chain.md` §2.3: who may obtain certified one-time keys, for which epochs and times.
struct MembershipServiceTests {
    private func certify(_ chain: ChainFixture, _ request: OneTimeKeyRequest, now: UInt64? = nil) throws
        -> [(certificate: [UInt8], envelope: [UInt8])]
    {
        try chain.membershipService.certify(request, now: now ?? chain.clock.nowMilliseconds())
    }

    @Test("an admitted member's request is certified with one certificate and envelope per key", arguments: ChainCryptoSuite.all)
    func certifiesMember(suite: ChainCryptoSuite) async throws {
        let chain = try ChainFixture(suite: suite)
        let (keys, request) = try await chain.request("alice", count: 3)
        let issued = try certify(chain, request)
        #expect(issued.count == 3)
        #expect(issued.allSatisfy { $0.certificate.count == 64 && $0.envelope.count == suite.envelopeSize })
        #expect(Set(issued.map(\.certificate)).count == 3)
        let credentials = OneTimeKeyIssuer.credentials(keys: keys, epoch: request.epoch, issued: issued)
        #expect(try await chain.node.submit(try Transaction(type: "test.put", body: [1], chainId: chain.chainId,
                                                            oneTimeKey: credentials[2])).height == 1)
    }

    @Test("a request from a member who was never admitted is refused as unauthorized")
    func unknownMember() async throws {
        let chain = try ChainFixture()
        chain.custodian.generate(KeyReference("mallory"))
        let (_, request) = try await chain.request("mallory", count: 1)
        #expect(throws: ChainError(.unauthorized, "")) { try certify(chain, request) }
    }

    @Test("a request from a member removed by governance is refused as unauthorized")
    func removedMember() async throws {
        let chain = try ChainFixture()
        let bob = try await chain.handle("bob")
        _ = try await chain.oneTimeKeys("bob", count: 1)
        let removal = GovernanceAction(kind: "removeMember", parameters: ["handle": .string(bob.description)])
        _ = try await chain.node.submit(try await chain.approval(removal, by: 0))
        #expect(try chain.store.value(namespace: ChainNamespace.member, key: bob.bytes) == nil)
        let (_, request) = try await chain.request("bob", count: 1)
        #expect(throws: ChainError(.unauthorized, "")) { try certify(chain, request) }
    }

    @Test("a request for a member's handle signed by another member's key is refused as unauthorized")
    func wrongSigningKey() async throws {
        let chain = try ChainFixture()
        let (_, request) = try await chain.request("alice", count: 1, signer: "bob")
        #expect(throws: ChainError(.unauthorized, "")) { try certify(chain, request) }
        let (_, genuine) = try await chain.request("alice", count: 1)
        let forged = OneTimeKeyRequest(memberHandle: genuine.memberHandle, memberKey: genuine.memberKey, epoch: genuine.epoch, requestTime: genuine.requestTime,
                                       oneTimeKeys: [Secp256k1PrivateKey().publicKey.xOnly.rawRepresentation],
                                       signature: genuine.signature)
        #expect(throws: ChainError(.unauthorized, "")) { try certify(chain, forged) }
    }

    @Test("requests for the previous or the next epoch are refused as expiredEpoch and futureEpoch")
    func otherEpochs() async throws {
        let chain = try ChainFixture()
        let (_, past) = try await chain.request("alice", count: 1, epoch: chain.epoch - 1)
        #expect(throws: ChainError(.expiredEpoch, "")) { try certify(chain, past) }
        let (_, future) = try await chain.request("alice", count: 1, epoch: chain.epoch + 1)
        #expect(throws: ChainError(.futureEpoch, "")) { try certify(chain, future) }
    }

    @Test("a request time more than 5 minutes from the service's clock is refused as unauthorized; exactly 5 is accepted")
    func clockSkew() async throws {
        let chain = try ChainFixture()
        let now = chain.clock.nowMilliseconds()
        let limit = MembershipService.maximumClockSkewMilliseconds
        #expect(limit == 300_000)
        for time in [now + limit + 1, now - limit - 1] {
            let (_, request) = try await chain.request("alice", count: 1, time: time)
            #expect(throws: ChainError(.unauthorized, "")) { try certify(chain, request) }
        }
        for time in [now + limit, now - limit] {
            let (_, request) = try await chain.request("alice", count: 1, time: time)
            #expect(try certify(chain, request).count == 1)
        }
    }

    @Test("a request for no keys or for more than 10,000 keys is refused as invalidBody")
    func keyCountLimits() async throws {
        let chain = try ChainFixture()
        let (_, none) = try await chain.request("alice", count: 0)
        #expect(throws: ChainError(.invalidBody, "")) { try certify(chain, none) }
        let (_, tooMany) = try await chain.request("alice", count: MembershipService.maximumKeysPerRequest + 1)
        #expect(throws: ChainError(.invalidBody, "")) { try certify(chain, tooMany) }
    }

    @Test("a request naming a key that is not a BIP-340 key is refused as invalidBody")
    func invalidOneTimeKey() async throws {
        // BIP-340 keys are the standard suite's; the sm suite's refusal is CryptoSuiteTests'.
        let chain = try ChainFixture(suite: .standard)
        let handle = try await chain.handle("alice")
        let keys = [Secp256k1PrivateKey().publicKey.xOnly.rawRepresentation, [UInt8](repeating: 0xff, count: 32)]
        let now = chain.clock.nowMilliseconds()
        let digest = OneTimeKeyRequest.digest(chainId: chain.chainId, memberHandle: handle, epoch: chain.epoch,
                                              requestTime: now, oneTimeKeys: keys)
        let signature = try await chain.custodian.sign(digest: digest, with: KeyReference("alice"))
        let memberKey = try await chain.custodian.publicKey(for: KeyReference("alice")).compressedRepresentation
        let request = OneTimeKeyRequest(memberHandle: handle, memberKey: memberKey, epoch: chain.epoch, requestTime: now, oneTimeKeys: keys,
                                        signature: signature.compactRepresentation)
        #expect(throws: ChainError(.invalidBody, "")) { try certify(chain, request) }
    }
}
