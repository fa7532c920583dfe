package import Chain
package import KeyCustody
package import Primitives

extension NodeRuntime {
    /// Submits the operator's committee approval of `action`.
    /// - Returns: the receipt and whether the action has executed (the threshold was reached).
    package func approve(_ action: GovernanceAction) async throws -> (receipt: TransactionReceipt, executed: Bool) {
        let approval = try GovernanceApproval(action: action, approver: "operator", key: try directory.secp256k1Key("committee-operator"),
                                              chainId: genesis.chainId)
        let transaction = try Transaction(type: .governanceApproval, body: approval.body, chainId: genesis.chainId,
                                          oneTimeKey: try await oneTimeKeys(count: 1)[0])
        let receipt = try await node.submit(transaction)
        let executed = try store.entries(namespace: ChainNamespace.proposal, prefix: action.proposalId).first.map {
            String(decoding: $0.value, as: UTF8.self).contains("\"executed\":true")
        } ?? false
        return (receipt, executed)
    }
}
