package import Chain
package import DID
package import KeyCustody

extension ChainGateway {
    /// The current document and version of a `did:chancery` DID of this chain, the base of an
    /// update or deactivation.
    /// - Throws: `NodeError` when the DID does not resolve here or is deactivated.
    package func currentDIDState(of did: DID) async throws -> (document: DIDDocument, versionId: UInt64) {
        let result = await resolve(did)
        if let error = result.error {
            let message = "\(error.code): \(error.reason)"
            throw error.code == .notFound ? NodeError.notFound(message) : NodeError.refusal(message)
        }
        guard let document = result.didDocument, let version = result.didDocumentMetadata.versionId.flatMap(UInt64.init) else {
            throw NodeError("\(did) resolved without a document or version; the ledger may be damaged.")
        }
        guard result.didDocumentMetadata.deactivated != true else {
            throw NodeError.conflict("\(did) is deactivated and cannot change.")
        }
        return (document, version)
    }

    /// Signs a DID operation with a DID key and commits it under a one-time key of `member`.
    /// - Parameters:
    ///   - delegation: the delegation the signer acts under as a delegate, or `nil` when it signs
    ///     as a controller.
    ///   - signer: the DID key that makes the operation's proof.
    ///   - member: the long-term key of the member submitting it (for its one-time keys).
    /// - Returns: the receipt of the committed transaction.
    /// - Throws: `ChainError` when the chain refuses it (not a controller key, stale version,
    ///   a delegation not in force or used up).
    package func submitDIDOperation(_ kind: DIDOperation.Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64,
                                    delegation: DelegationID? = nil,
                                    signer: CustodyKey, member: CustodyKey) async throws -> TransactionReceipt {
        let operation = try await DIDOperation.signed(kind, did: did, document: document, previousVersionId: previousVersionId,
                                                      chainId: chainId, delegation: delegation,
                                                      custodian: signer.custodian, key: signer.key)
        return try await submit(type: kind.transactionType, body: operation.body, member: member)
    }

    /// The DID key an account signs an operation on `did` with: as a controller, its key of
    /// `did` that `document` lists; as a delegate, its key of the delegation's delegate DID.
    /// - Throws: `NodeError` when the account holds no such key.
    package func operationSigner(_ custody: AccountCustody, did: DID, document: DIDDocument, delegation: DelegationID?) async throws
        -> CustodyKey
    {
        guard let delegation else { return try custody.signer(for: did, document: document) }
        // An unknown delegation is the chain's to refuse (notFound); sign with the account's own DID meanwhile.
        guard let record = try await delegationRecord(delegation) else {
            return try custody.signer(for: try custody.primaryDID())
        }
        return try custody.signer(for: try DID(parsing: record.terms.delegate))
    }
}
