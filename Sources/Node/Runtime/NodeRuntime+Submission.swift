package import Chain
package import KeyCustody

extension NodeRuntime {
    /// Commits a transaction under a one-time key of the member whose long-term key is `member`
    /// when it is an admitted member, so the auditor links the transaction to it; otherwise
    /// under the operator's; a member whose membership request awaits the committee is refused.
    /// The body's own signatures are made beforehand with DID keys.
    /// - Returns: the receipt of the committed transaction.
    /// - Throws: `ChainError` when the chain refuses it.
    package func submit(type: TransactionType, body: [UInt8], member: CustodyKey) async throws -> TransactionReceipt {
        let memberHandle = MemberHandle(publicKey: try await member.custodian.publicKey(for: member.key))
        let admitted = try store.value(namespace: ChainNamespace.member, key: memberHandle.bytes) != nil
        // A member the committee is still considering does not write, even through the operator.
        if !admitted, let pending = try MembershipDesk(runtime: self).pendingRequest(of: memberHandle) {
            throw ChainError(.awaitingApproval, pending.summary)
        }
        let transaction = try Transaction(type: type, body: body, chainId: genesis.chainId,
                                          oneTimeKey: try await oneTimeKeys(count: 1, member: admitted ? member : nil)[0])
        return try await node.submit(transaction)
    }
}
