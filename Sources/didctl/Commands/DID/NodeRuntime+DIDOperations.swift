import Chain
import DID
import KeyCustody

extension NodeRuntime {
    /// The current document and version of a `did:chancery` DID of this chain, the base of an
    /// update or deactivation.
    /// - Throws: `DidctlFailure` when the DID does not resolve here or is deactivated.
    func currentDIDState(of did: DID) async throws -> (document: DIDDocument, versionId: UInt64) {
        let result = await resolver().resolve(did)
        if let error = result.error { throw DidctlFailure("\(error.code): \(error.reason)") }
        guard let document = result.didDocument, let version = result.didDocumentMetadata.versionId.flatMap(UInt64.init) else {
            throw DidctlFailure("\(did) resolved without a document or version; the ledger may be damaged.")
        }
        guard result.didDocumentMetadata.deactivated != true else {
            throw DidctlFailure("\(did) is deactivated and cannot change.")
        }
        return (document, version)
    }

    /// Signs a DID operation through the signer's custodian and commits it under a one-time key.
    /// - Parameter delegation: the delegation the signer acts under as a delegate, or `nil` when
    ///   it signs as a controller.
    /// - Returns: the receipt of the committed transaction.
    /// - Throws: `ChainError` when the chain refuses it (not a controller key, stale version,
    ///   a delegation not in force or used up).
    func submitDIDOperation(_ kind: DIDOperation.Kind, did: DID, document: DIDDocument?, previousVersionId: UInt64,
                            delegation: DelegationID? = nil,
                            signer: (custodian: any KeyCustodian, key: KeyReference)) async throws -> TransactionReceipt {
        let operation = try await DIDOperation.signed(kind, did: did, document: document, previousVersionId: previousVersionId,
                                                      chainId: genesis.chainId, delegation: delegation,
                                                      custodian: signer.custodian, key: signer.key)
        return try await submit(type: kind.transactionType, body: operation.body, signer: signer)
    }
}
