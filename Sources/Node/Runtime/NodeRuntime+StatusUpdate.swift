package import Chain
package import Credentials
package import DID
package import KeyCustody

extension ChainGateway {
    /// How many times a status change is signed again when another change of the same index
    /// applied between reading its counter and committing.
    package static var statusUpdateAttempts: Int { 3 }

    /// Sets one status bit through a `status.update` bound to the index's update counter
    /// (`specs/credentials.md` §5.5), read from committed state just before signing. When the
    /// issuer's own concurrent change of that index lands first, the counter is read again and
    /// the change signed again: the conflict is the node's, not the request's.
    /// - Returns: the committed transaction's receipt.
    /// - Throws: `ChainError.unavailable` when the counter kept moving; the chain's other refusals.
    package func submitStatusUpdate(did: DID, list: String, index: Int, value: Bool,
                            signer: AccountCustody) async throws -> TransactionReceipt {
        for _ in 1...Self.statusUpdateAttempts {
            let counter = try await statusEntry(list: list, index: index).counter
            let payload = CredentialLedgerPayload.statusUpdate(list: list, index: index, value: value, counter: counter)
            do {
                return try await submitCredentialOperation(.statusUpdate, did: did, payload: payload, signer: signer)
            } catch let error as ChainError where error.code == .staleStatusCounter {
                continue
            }
        }
        throw ChainError(.unavailable, "Other changes of index \(index) of \(list) kept landing first; try the status change again.")
    }
}
