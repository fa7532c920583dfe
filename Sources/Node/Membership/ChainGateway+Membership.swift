package import Chain
package import KeyCustody
package import Primitives

/// Membership through any gateway (`specs/chain.md` §5.1): an applicant files a request signed
/// with its long-term key; committee members find it by name and approve its action.
extension ChainGateway {
    /// Files a request to admit the holder of `member` under `name`. The action carries the
    /// handle and custody mode in clear and the name and key sealed to the auditor, as any
    /// admission does.
    /// - Parameters:
    ///   - name: the name the committee knows the applicant by.
    ///   - custody: the custody mode name.
    ///   - member: the applicant's long-term key, which signs the request.
    ///   - auditorKeys: the auditor's sealing keys, for the sealed profile.
    /// - Returns: the request's state (admitted already when the node approves requests itself).
    /// - Throws: `ChainError` when the node refuses it.
    package func fileMembershipRequest(name: String, custody: String, member: CustodyKey,
                                       auditorKeys: any AuditorSealingKeys) async throws -> MembershipRequestState {
        let publicKey = try await member.custodian.publicKey(for: member.key)
        let epoch = try await currentEpoch()
        let action = try MemberRecord(profile: MemberProfile(name: name, publicKey: publicKey), custody: custody,
                                      sealedTo: auditorKeys, epoch: epoch).admission
        let signature = try await member.custodian.sign(
            digest: MembershipRequest.signingDigest(name: name, action: action, chainId: chainId), with: member.key)
        return try await fileMembershipRequest(try MembershipRequest(name: name, publicKey: publicKey, action: action,
                                                                     signature: signature.compactRepresentation))
    }

    /// Approves the pending membership request named `name` as committee member `approver`.
    /// - Parameters:
    ///   - name: the applicant's name.
    ///   - approver: the committee member's id.
    ///   - committeeKey: its committee key.
    ///   - carrier: the member whose one-time key carries the approval.
    /// - Returns: the receipt and the request's state after the approval.
    /// - Throws: `NodeError.refusal` when no request of that name is pending; `ChainError` when
    ///   the chain refuses the approval (already approved, not a committee member).
    package func approveMembership(name: String, approver: String, committeeKey: Secp256k1PrivateKey,
                                   carrier: CustodyKey) async throws -> (receipt: TransactionReceipt, state: MembershipRequestState) {
        let pending = try await pendingMembershipRequests(approver: approver, committeeKey: committeeKey)
        guard let request = pending.first(where: { $0.name == name }) else {
            let names = pending.map(\.name)
            throw NodeError.refusal("No membership request named '\(name)' awaits approval"
                                    + (names.isEmpty ? "." : "; pending: \(names.joined(separator: ", "))."))
        }
        let (receipt, executed) = try await approve(request.action, approver: approver, committeeKey: committeeKey, member: carrier)
        let approvals = try await proposal(request.proposalId)?.approvals ?? request.approvals + [approver]
        return (receipt, MembershipRequestState(name: request.name, handle: request.handle, action: request.action, filedAt: request.filedAt,
                                                approvals: approvals, threshold: request.threshold, admitted: executed))
    }
}
