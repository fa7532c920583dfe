package import Chain
package import Credentials
package import DID
package import KeyCustody
package import Primitives

extension NodeRuntime {
    /// The chain-backed registry of schemas, accreditations, status lists and anchors.
    package func credentialRegistry() -> CredentialLedger { CredentialLedger(chainId: genesis.chainId, state: store) }

    /// A verifier over this node's chain and resolvers.
    package func credentialVerifier(policy: VerificationPolicy = .standard) -> CredentialVerifier {
        CredentialVerifier(resolver: resolver(), registry: CachingCredentialRegistry(credentialRegistry(), height: { [node] in node.height }), policy: policy,
                           contexts: contexts)
    }

    /// The account's DID (its first) and a signer for its key under `relationship` (assertions
    /// for issuing, authentication for presenting) of a type that can sign `format`.
    package func credentialSigner(account name: String, relationship: VerificationRelationship = .assertionMethod,
                                  format: CredentialFormat = .jwt) async throws -> (did: DID, signer: CustodianSigner, custody: AccountCustody) {
        try await credentialSigner(custody: try await custodian(account: name), relationship: relationship, format: format)
    }
}

extension ChainGateway {
    /// The DID and signer of an account whose custody is already open (a session's): the
    /// account's key of its DID that the current document lists under `relationship`, of a
    /// type that can sign `format` (``CredentialFormat/keyTypes``).
    package func credentialSigner(custody: AccountCustody, relationship: VerificationRelationship = .assertionMethod,
                                  format: CredentialFormat = .jwt) async throws -> (did: DID, signer: CustodianSigner, custody: AccountCustody)
    {
        let did = try custody.primaryDID()
        let (document, _) = try await currentDIDState(of: did)
        // The account's key may sit under another fragment after a rotation: the document says which.
        let (key, method) = try custody.credentialKey(for: did, document: document, relationship: relationship, types: format.keyTypes)
        return (did, try await CustodianSigner(custodian: key.custodian, key: key.key, verificationMethod: method.id.description), custody)
    }

    /// Submits a credential-ledger operation signed by the account's key of `did`, under the
    /// account's own one-time keys when it is an admitted member (so the auditor links it to
    /// that member).
    package func submitCredentialOperation(_ type: TransactionType, did: DID, payload: JSONObject, signer account: AccountCustody) async throws
        -> TransactionReceipt
    {
        let key = try account.signer(for: did)
        let operation = try await DIDAuthorizedOperation.signed(type: type, did: did, payload: payload, chainId: chainId,
                                                                custodian: key.custodian, key: key.key)
        return try await submit(type: type, body: operation.body, member: account.member)
    }
}
