import Chain
import Foundation
import KeyCustody
import Node
import Primitives
import Testing

/// Admission through the node's membership desk, in process over a data directory's SQLite
/// ledger: applicants file signed requests, wait for k-of-n approvals, and write only once
/// admitted.
struct MembershipDeskTests {
    /// A chain whose committee is the operator and `registrar`, `threshold` of them needed.
    private final class Chain2: @unchecked Sendable {
        let directory: DataDirectory
        let runtime: NodeRuntime
        let registrar = Secp256k1PrivateKey()

        init(threshold: Int) throws {
            directory = DataDirectory(url: FileManager.default.temporaryDirectory.appendingPathComponent("chancery-desk-\(UUID().uuidString)"))
            _ = try ChainBootstrap.create(in: directory, chainId: "desk-test", extraCommittee: [
                CommitteeMember(id: "registrar", publicKey: Hex.encode(registrar.publicKey.compressedRepresentation))], threshold: threshold)
            runtime = try NodeRuntime(directory: directory)
        }

        func close() {
            runtime.close()
            try? FileManager.default.removeItem(at: directory.url)
        }

        /// Files `name`'s request for a fresh key held in memory.
        func apply(_ name: String) async throws -> (state: MembershipRequestState, member: CustodyKey) {
            let custodian = InMemoryCustodian()
            _ = custodian.generate(KeyReference(name))
            let member: CustodyKey = (custodian, KeyReference(name))
            let sealing = try directory.auditorSealingKeys(genesis: try directory.genesis(), epoch: try await runtime.currentEpoch())
            return (try await runtime.fileMembershipRequest(name: name, custody: "partial", member: member, auditorKeys: sealing), member)
        }

        /// A one-time key request of `member`, signed with its long-term key.
        func keyRequest(_ member: CustodyKey) async throws -> OneTimeKeyRequest {
            let handle = MemberHandle(publicKey: try await member.custodian.publicKey(for: member.key))
            return try await OneTimeKeyIssuer(chainId: "desk-test", memberHandle: handle, custodian: member.custodian, key: member.key)
                .request(count: 1, epoch: try await runtime.currentEpoch(), time: runtime.clock.nowMilliseconds()).request
        }
    }

    @Test("a filed request waits for two of two approvals; until then the applicant's keys are refused as awaitingApproval and its writes fail")
    func twoOfTwo() async throws {
        let chain = try Chain2(threshold: 2)
        defer { chain.close() }
        let backend = try ChainNodeBackend(runtime: chain.runtime)
        let (filed, member) = try await chain.apply("carol")
        #expect(!filed.admitted && filed.approvals.isEmpty && filed.threshold == 2)

        guard case .refused(let code, let reason) = await backend.certifyOneTimeKeys(try await chain.keyRequest(member)) else {
            Issue.record("an applicant's one-time keys were certified before admission")
            return
        }
        #expect(code == "awaitingApproval" && reason.contains("0 of 2") && reason.contains("carol"), "\(reason)")
        await #expect(throws: ChainError.self) {
            _ = try await chain.runtime.submit(type: .governanceApproval, body: [], member: member)
        }

        let (operatorID, operatorKey) = try chain.directory.operatorCommitteeKey()
        let first = try await chain.runtime.approveMembership(name: "carol", approver: operatorID, committeeKey: operatorKey,
                                                              carrier: try chain.directory.operatorMember())
        #expect(!first.state.admitted && first.state.approvals == ["operator"])
        let pending = try await chain.runtime.pendingMembershipRequests(approver: "registrar", committeeKey: chain.registrar)
        #expect(pending.map(\.name) == ["carol"] && pending[0].approvals == ["operator"])

        let second = try await chain.runtime.approveMembership(name: "carol", approver: "registrar", committeeKey: chain.registrar,
                                                               carrier: try chain.directory.operatorMember())
        #expect(second.state.admitted && second.state.approvals == ["operator", "registrar"])
        #expect(try await chain.runtime.pendingMembershipRequests(approver: "registrar", committeeKey: chain.registrar).isEmpty)
        guard case .certified = await backend.certifyOneTimeKeys(try await chain.keyRequest(member)) else {
            Issue.record("the admitted member's one-time keys were refused")
            return
        }
    }

    @Test("a pending name cannot be taken by another key, a request signed by another key is refused, and a member cannot apply again")
    func refusals() async throws {
        let chain = try Chain2(threshold: 2)
        defer { chain.close() }
        let desk = MembershipDesk(runtime: chain.runtime)
        _ = try await chain.apply("carol")
        do {
            _ = try await chain.apply("carol")
            Issue.record("a second key took a pending name")
        } catch let error as ChainError {
            #expect(error.code == .alreadyExists && error.reason.contains("carol"), "\(error)")
        }

        let key = Secp256k1PrivateKey(), other = Secp256k1PrivateKey()
        let sealing = try chain.directory.auditorSealingKeys(genesis: try chain.directory.genesis(), epoch: try await chain.runtime.currentEpoch())
        let action = try MemberRecord(profile: MemberProfile(name: "dave", publicKey: key.publicKey), custody: "partial",
                                      sealedTo: sealing, epoch: try await chain.runtime.currentEpoch()).admission
        let forged = try MembershipRequest(name: "dave", publicKey: key.publicKey, action: action, signature: try other.signature(
            forDigest: MembershipRequest.signingDigest(name: "dave", action: action, chainId: "desk-test")).compactRepresentation)
        guard case .refused(let code, _) = await desk.file(forged) else {
            Issue.record("a request signed by another key was filed")
            return
        }
        #expect(code == "badSignature")
        #expect(try desk.pending().map(\.name) == ["carol"], "the refused request left nothing on file")

        // The operator's own handle is a member from genesis.
        let operatorMember = try chain.directory.operatorMember()
        let operatorKey = try await operatorMember.custodian.publicKey(for: operatorMember.key)
        let again = try MemberRecord(profile: MemberProfile(name: "operator", publicKey: operatorKey), custody: "partial", sealedTo: sealing,
                                     epoch: try await chain.runtime.currentEpoch()).admission
        let signature = try await operatorMember.custodian.sign(
            digest: MembershipRequest.signingDigest(name: "operator2", action: again, chainId: "desk-test"), with: operatorMember.key)
        guard case .refused(let memberCode, let reason) = await desk.file(
            try MembershipRequest(name: "operator2", publicKey: operatorKey, action: again, signature: signature.compactRepresentation)) else {
            Issue.record("a member applied again")
            return
        }
        #expect(memberCode == "alreadyExists" && reason.contains("already admitted"), "\(reason)")
    }

    @Test("a desk set to approve requests admits each applicant as it files, where the operator alone is the committee")
    func operatorApproves() async throws {
        let chain = try Chain2(threshold: 1)
        defer { chain.close() }
        let backend = try ChainNodeBackend(runtime: chain.runtime, approvesMembershipRequests: true)
        let custodian = InMemoryCustodian()
        let publicKey = custodian.generate(KeyReference("erin"))
        let sealing = try chain.directory.auditorSealingKeys(genesis: try chain.directory.genesis(), epoch: try await chain.runtime.currentEpoch())
        let action = try MemberRecord(profile: MemberProfile(name: "erin", publicKey: publicKey), custody: "partial", sealedTo: sealing,
                                      epoch: try await chain.runtime.currentEpoch()).admission
        let signature = try await custodian.sign(digest: MembershipRequest.signingDigest(name: "erin", action: action, chainId: "desk-test"),
                                                 with: KeyReference("erin"))
        let request = try MembershipRequest(name: "erin", publicKey: publicKey, action: action, signature: signature.compactRepresentation)
        guard case .filed(let state) = await backend.fileMembershipRequest(request) else {
            Issue.record("the request was not filed")
            return
        }
        #expect(state.admitted && state.approvals == ["operator"])
        // Filing again is answered with the same admitted state, not a second approval.
        guard case .filed(let again) = await backend.fileMembershipRequest(request) else {
            Issue.record("filing the same request again was refused")
            return
        }
        #expect(again.admitted && again.approvals == ["operator"])
    }
}
