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
        CredentialVerifier(resolver: resolver(), registry: CachingCredentialRegistry(credentialRegistry(), height: { [node] in node.height }), policy: policy)
    }

    /// The account's DID (its first) and a signer for its key under `relationship` (assertions
    /// for issuing, authentication for presenting).
    package func credentialSigner(account name: String, relationship: VerificationRelationship = .assertionMethod) async throws -> (did: DID, signer: CustodianSigner, custody: AccountCustody) {
        try await credentialSigner(custody: try await custodian(account: name), relationship: relationship)
    }
}

extension ChainGateway {
    /// The DID and signer of an account whose custody is already open (a session's).
    package func credentialSigner(custody: AccountCustody, relationship: VerificationRelationship = .assertionMethod) async throws
        -> (did: DID, signer: CustodianSigner, custody: AccountCustody)
    {
        let name = custody.name
        let did = try custody.primaryDID()
        let (document, _) = try await currentDIDState(of: did)
        let key = try custody.signer(for: did, document: document)
        // An SM2 DID key (an sm chain's) is read as SM2; the custodian's `publicKey(for:)` is secp256k1's only.
        let publicKey: PublicKeyMaterial
        if let sm2 = key.custodian as? any SM2KeyCustodian, try await sm2.keyType(of: key.key) == .sm2 {
            publicKey = .sm2(try await sm2.sm2PublicKey(for: key.key))
        } else {
            publicKey = .secp256k1(try await key.custodian.publicKey(for: key.key))
        }
        // The account's key may sit under another fragment after a rotation: find it.
        let method = document.verificationMethods(authorizedFor: relationship).first { (try? $0.publicKeyMaterial()) == publicKey }
        guard let method else {
            throw NodeError("\(did) lists account \(name)'s key for no \(relationship.rawValue); it cannot sign for it.")
        }
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
