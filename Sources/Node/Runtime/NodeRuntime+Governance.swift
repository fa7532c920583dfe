package import Chain
package import KeyCustody
package import Primitives

extension NodeRuntime {
    /// Submits the operator's committee approval of `action`, under the operator's one-time keys.
    /// - Returns: the receipt and whether the action has executed (the threshold was reached).
    package func approve(_ action: GovernanceAction) async throws -> (receipt: TransactionReceipt, executed: Bool) {
        let (approver, key) = try directory.operatorCommitteeKey()
        return try await approve(action, approver: approver, committeeKey: key, member: (custodian, KeyReference("operator")))
    }
}

extension ChainGateway {
    /// Submits a committee member's approval of `action`.
    /// - Parameters:
    ///   - approver: the committee member's id in genesis.
    ///   - committeeKey: its committee key, which signs the approval.
    ///   - member: the member whose one-time key carries the transaction (the operator's).
    /// - Returns: the receipt and whether the action has executed (the threshold was reached).
    package func approve(_ action: GovernanceAction, approver: String, committeeKey: Secp256k1PrivateKey,
                         member: CustodyKey) async throws -> (receipt: TransactionReceipt, executed: Bool) {
        let approval = try GovernanceApproval(action: action, approver: approver, key: committeeKey, chainId: chainId)
        let receipt = try await submit(type: .governanceApproval, body: approval.body, member: member)
        return (receipt, try await proposal(action.proposalId)?.executed ?? false)
    }
}
