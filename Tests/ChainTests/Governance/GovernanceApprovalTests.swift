import Chain
import ChainTestSupport
import Primitives
import Testing

/// `specs/chain.md` §5: who may approve, and when an action executes.
struct GovernanceApprovalTests {
    @Test("one of two required approvals only records the approval; the second executes the action")
    func thresholdExecution() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let newNode = chain.suite.signature.generateKey()
        let action = ChainFixture.admitNode(newNode)
        let before = try chain.snapshot(ChainFixture.governed)
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        #expect(try chain.snapshot(ChainFixture.governed) == before)
        #expect(try chain.proposal(action)?.approvals == ["c0"])
        #expect(try chain.proposal(action)?.executed == false)
        _ = try await chain.node.submit(try await chain.approval(action, by: 2))
        #expect(try chain.store.value(namespace: ChainNamespace.node, key: newNode.publicKey) == [1])
        #expect(try chain.proposal(action)?.approvals == ["c0", "c2"])
        #expect(try chain.proposal(action)?.executed == true)
    }

    @Test("an approval by someone outside the committee is refused as unauthorized")
    func nonMemberApprover() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let action = ChainFixture.admitNode(Secp256k1PrivateKey())
        let outsider = try await chain.approval(action, approver: "mallory", key: Secp256k1PrivateKey())
        try await chain.expectGovernanceRefusal(.unauthorized, outsider)
        #expect(try chain.proposal(action) == nil)
    }

    @Test("an approval naming a member but signed by another key is refused as unauthorized")
    func wrongApprovalKey() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let action = ChainFixture.admitNode(Secp256k1PrivateKey())
        for key in [chain.committeeKeys[1], Secp256k1PrivateKey()] {
            try await chain.expectGovernanceRefusal(.unauthorized, try await chain.approval(action, approver: "c0", key: key))
        }
        #expect(try chain.proposal(action) == nil)
    }

    @Test("an approval signed for another chain id is refused as unauthorized")
    func approvalForOtherChain() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let action = ChainFixture.admitNode(Secp256k1PrivateKey())
        let foreign = try GovernanceApproval(action: action, approver: "c0", key: chain.committeeKeys[0], chainId: "other-chain")
        let transaction = try Transaction(type: .governanceApproval, body: foreign.body, chainId: chain.chainId,
                                          oneTimeKey: try await chain.oneTimeKeys("alice", count: 1)[0])
        try await chain.expectGovernanceRefusal(.unauthorized, transaction)
    }

    @Test("a second approval by the same member is refused as alreadyExists and does not execute")
    func sameMemberTwice() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let newNode = chain.suite.signature.generateKey()
        let action = ChainFixture.admitNode(newNode)
        _ = try await chain.node.submit(try await chain.approval(action, by: 1))
        try await chain.expectGovernanceRefusal(.alreadyExists, try await chain.approval(action, by: 1))
        #expect(try chain.store.value(namespace: ChainNamespace.node, key: newNode.publicKey) == nil)
        #expect(try chain.proposal(action)?.approvals == ["c1"])
    }

    @Test("approving an executed action is refused as alreadyExists; the same action with a new nonce is a new proposal")
    func executedAction() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        let newNode = chain.suite.signature.generateKey()
        let action = ChainFixture.admitNode(newNode)
        _ = try await chain.node.submit(try await chain.approval(action, by: 0))
        _ = try await chain.node.submit(try await chain.approval(action, by: 1))
        try await chain.expectGovernanceRefusal(.alreadyExists, try await chain.approval(action, by: 2))
        let repeated = ChainFixture.admitNode(newNode, nonce: "again")
        #expect(repeated.proposalId != action.proposalId)
        _ = try await chain.node.submit(try await chain.approval(repeated, by: 2))
        #expect(try chain.proposal(repeated)?.approvals == ["c2"])
        #expect(try chain.proposal(repeated)?.executed == false)
    }

    @Test("an action of an unknown kind or with a bad parameter is refused as invalidBody before any approval counts")
    func invalidActions() async throws {
        let chain = try ChainFixture(committee: 3, threshold: 2)
        for action in [GovernanceAction(kind: "launchRocket"), GovernanceAction(kind: "admitNode", parameters: ["nodeId": "zz"]),
                       GovernanceAction(kind: "setThreshold", parameters: ["threshold": "0"])] {
            try await chain.expectGovernanceRefusal(.invalidBody, try await chain.approval(action, by: 0))
            #expect(try chain.proposal(action) == nil)
        }
    }
}
