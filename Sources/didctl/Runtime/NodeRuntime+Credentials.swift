import Chain
import Credentials
import DID
import KeyCustody
import Primitives

extension NodeRuntime {
    /// The chain-backed registry of schemas, accreditations, status lists and anchors.
    func credentialRegistry() -> CredentialLedger { CredentialLedger(chainId: genesis.chainId, state: store) }

    /// A verifier over this node's chain and resolvers.
    func credentialVerifier(policy: VerificationPolicy = .standard) -> CredentialVerifier {
        CredentialVerifier(resolver: resolver(), registry: CachingCredentialRegistry(credentialRegistry(), height: { [node] in node.height }), policy: policy)
    }

    /// The account's DID and a signer for its key under `relationship` (assertions for
    /// issuing, authentication for presenting).
    func credentialSigner(account name: String, relationship: VerificationRelationship = .assertionMethod) async throws -> (did: DID, signer: CustodianSigner, custody: (custodian: any KeyCustodian, key: KeyReference)) {
        let custody = try await custodian(account: name)
        let publicKey = try await custody.custodian.publicKey(for: custody.key)
        let did = try DIDChancery(chainId: genesis.chainId, publicKey: publicKey).did
        let (document, _) = try await currentDIDState(of: did)
        // The account's key may sit under another fragment after a rotation: find it.
        let method = document.verificationMethods(authorizedFor: relationship).first { (try? $0.publicKeyMaterial()) == .secp256k1(publicKey) }
        guard let method else {
            throw DidctlFailure("\(did) lists account \(name)'s key for no \(relationship.rawValue); it cannot sign for it.")
        }
        return (did, try await CustodianSigner(custodian: custody.custodian, key: custody.key, verificationMethod: method.id.description), custody)
    }

    /// Submits a credential-ledger operation signed by the DID's key, under the account's own
    /// one-time keys when it is an admitted member (so the auditor links it to that member).
    func submitCredentialOperation(_ type: TransactionType, did: DID, payload: JSONObject,
                                   signer: (custodian: any KeyCustodian, key: KeyReference)) async throws -> TransactionReceipt {
        let operation = try await DIDAuthorizedOperation.signed(type: type, did: did, payload: payload, chainId: genesis.chainId,
                                                                custodian: signer.custodian, key: signer.key)
        let signerHandle = MemberHandle(publicKey: try await signer.custodian.publicKey(for: signer.key))
        let admitted = try store.value(namespace: ChainNamespace.member, key: signerHandle.bytes) != nil
        let transaction = try Transaction(type: type, body: operation.body, chainId: genesis.chainId,
                                          oneTimeKey: try await oneTimeKeys(count: 1, member: admitted ? signer : nil)[0])
        let receipt = try await node.submit(transaction)
        return receipt
    }
}
