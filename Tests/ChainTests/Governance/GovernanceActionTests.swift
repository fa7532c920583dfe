import Chain
import ChainTestSupport
import KeyCustody
import Primitives
import Testing

/// `specs/chain.md` §5: what the chain's own governance actions change, and when they are refused.
struct GovernanceActionTests {
    @Test("a threshold above the committee size is refused when it would execute, leaving state unchanged")
    func thresholdAboveCommittee() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let action = GovernanceAction(kind: "setThreshold", parameters: ["threshold": "4"])
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        try await chain.expectGovernanceRefusal(.unauthorized, try await chain.approval(action, by: 1))
        #expect(try chain.store.value(namespace: ChainNamespace.config, key: Array("threshold".utf8)) == Array("2".utf8))
        #expect(try chain.proposal(action)?.approvals == ["c0"])
        let valid = GovernanceAction(kind: "setThreshold", parameters: ["threshold": "3"])
        _ = try await chain.node.submit(try await chain.approval(valid, by: 0))
        _ = try await chain.node.submit(try await chain.approval(valid, by: 1))
        #expect(try chain.store.value(namespace: ChainNamespace.config, key: Array("threshold".utf8)) == Array("3".utf8))
    }

    @Test("removing a committee member that would leave fewer members than the threshold is refused")
    func removeBelowThreshold() async throws {
        let chain = try ChainFixture(committee: 2, threshold: 2)
        let action = GovernanceAction(kind: "removeCommitteeMember", parameters: ["id": "c1"])
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        try await chain.expectGovernanceRefusal(.unauthorized, try await chain.approval(action, by: 1))
        #expect(try chain.store.entries(namespace: ChainNamespace.committee, prefix: []).count == 2)
    }

    @Test("a committee member can be removed while enough members remain, and its approvals stop counting")
    func removeCommitteeMember() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let removal = GovernanceAction(kind: "removeCommitteeMember", parameters: ["id": "c2"])
        _ = try await chain.node.submit(try await chain.approval(removal, by: 0))
        _ = try await chain.node.submit(try await chain.approval(removal, by: 1))
        #expect(try chain.store.value(namespace: ChainNamespace.committee, key: Array("c2".utf8)) == nil)
        let afterRemoval = try await chain.approval(ChainFixture.admitNode(Secp256k1PrivateKey()), by: 2)
        try await chain.expectGovernanceRefusal(.unauthorized, afterRemoval)
    }

    @Test("an admitted member can obtain one-time keys and submit; before admission it cannot")
    func admitMember() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let carolKey = chain.custodian.generate(KeyReference("carol"))
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.oneTimeKeys("carol", count: 1) }
        let action = try chain.admission("carol", publicKey: carolKey)
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.oneTimeKeys("carol", count: 1) }
        _ = try await chain.node.submit(try await chain.approval(action, by: 1))
        let receipt = try await chain.node.submit(try await chain.put("carol was here", by: "carol"))
        #expect(receipt.height == 3)
    }

    @Test("an admission that names the member or carries its key in clear is refused; the admitted row holds only handle, custody and a profile sealed to the auditor")
    func admissionKeepsTheMemberSealed() async throws {
        let chain = try ChainFixture()
        let carolKey = chain.custodian.generate(KeyReference("carol"))
        let action = try chain.admission("carol", publicKey: carolKey)
        for (name, value) in [("name", "carol"), ("publicKey", Hex.encode(carolKey.compressedRepresentation))] {
            var parameters = action.object
            parameters[name] = .string(value)
            try await chain.expectGovernanceRefusal(.invalidBody, try await chain.approval(GovernanceAction(kind: "admitMember", parameters: parameters), by: 0))
        }
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        let handle = MemberHandle(publicKey: carolKey)
        let row = try #require(try chain.store.value(namespace: ChainNamespace.member, key: handle.bytes))
        let record = try MemberRecord(canonicalBytes: row)
        #expect(try JSONValue(parsing: row).objectValue?.keys.sorted() == ["custody", "handle", "profile", "profileEpoch"])
        #expect(!String(decoding: row, as: UTF8.self).contains("carol"))
        #expect(!String(decoding: row, as: UTF8.self).contains(Hex.encode(carolKey.compressedRepresentation)))
        #expect(try record.openProfile(with: chain.auditorKey) == MemberProfile(name: "carol", publicKey: carolKey))
        #expect(throws: ChainError.self) { try record.openProfile(with: X25519PrivateKey()) }
    }

    @Test("a removed member can no longer obtain one-time keys")
    func removeMember() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let bob = try await chain.handle("bob")
        _ = try await chain.oneTimeKeys("bob", count: 1)
        let action = GovernanceAction(kind: "removeMember", parameters: ["handle": .string(bob.description)])
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        #expect(try await chain.oneTimeKeys("bob", count: 1).count == 1)
        _ = try await chain.node.submit(try await chain.approval(action, by: 1))
        #expect(try chain.store.value(namespace: ChainNamespace.member, key: bob.bytes) == nil)
        await #expect(throws: ChainError(.unauthorized, "")) { try await chain.oneTimeKeys("bob", count: 1) }
    }

    @Test("admitting and removing an auditor adds and deletes its record")
    func auditors() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let encryptionKey = Hex.encode(X25519PrivateKey().publicKey.rawRepresentation)
        let signingKey = Hex.encode(Secp256k1PrivateKey().publicKey.compressedRepresentation)
        let admit = GovernanceAction(kind: "admitAuditor", parameters: [
            "id": "second-auditor", "encryptionKey": .string(encryptionKey), "signingKey": .string(signingKey),
        ])
        _ = try await chain.node.submit(try await chain.approval(admit, by: 0))
        _ = try await chain.node.submit(try await chain.approval(admit, by: 1))
        let stored = try #require(try chain.store.value(namespace: ChainNamespace.auditor, key: Array("second-auditor".utf8)))
        #expect(try AuditorRecord(canonicalBytes: stored) == AuditorRecord(id: "second-auditor", encryptionKey: encryptionKey,
                                                                            signingKey: signingKey))
        let remove = GovernanceAction(kind: "removeAuditor", parameters: ["id": "second-auditor"])
        _ = try await chain.node.submit(try await chain.approval(remove, by: 1))
        _ = try await chain.node.submit(try await chain.approval(remove, by: 2))
        #expect(try chain.store.value(namespace: ChainNamespace.auditor, key: Array("second-auditor".utf8)) == nil)
        #expect(try chain.store.value(namespace: ChainNamespace.auditor, key: Array("auditor".utf8)) != nil)
    }
}
