import Chain
import KeyCustody

extension NodeRuntime {
    /// Commits a transaction under a one-time key of the signing account when it is an admitted
    /// member, so the auditor links the transaction to it; otherwise under the operator's.
    /// - Returns: the receipt of the committed transaction.
    /// - Throws: `ChainError` when the chain refuses it.
    func submit(type: TransactionType, body: [UInt8], signer: (custodian: any KeyCustodian, key: KeyReference)) async throws
        -> TransactionReceipt
    {
        let signerHandle = MemberHandle(publicKey: try await signer.custodian.publicKey(for: signer.key))
        let admitted = try store.value(namespace: ChainNamespace.member, key: signerHandle.bytes) != nil
        let transaction = try Transaction(type: type, body: body, chainId: genesis.chainId,
                                          oneTimeKey: try await oneTimeKeys(count: 1, member: admitted ? signer : nil)[0])
        return try await node.submit(transaction)
    }
}
