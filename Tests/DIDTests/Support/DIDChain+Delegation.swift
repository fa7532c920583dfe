import Chain
import ChainTestSupport
import DID
import KeyCustody
import Primitives

/// Grants, revocations and delegated operations on a ``DIDChain``.
extension DIDChain {
    /// `delegator` grants `delegate` a delegation, signed with the delegator's key.
    func grant(from delegator: (did: DID, key: KeyReference, publicKey: Secp256k1PublicKey), to delegate: DID,
               purposes: [DelegationPurpose], count: UInt64 = 10, perMilliseconds: UInt64 = 3_600_000,
               validFor: UInt64 = 86_400_000) async throws -> (id: DelegationID, receipt: TransactionReceipt) {
        let now = chain.clock.nowMilliseconds()
        let terms = try DelegationTerms(delegator: delegator.did.description, delegatorKey: delegator.publicKey,
                                        delegate: delegate.description, purposes: purposes,
                                        rateLimit: try DelegationRateLimit(count: count, perMilliseconds: perMilliseconds),
                                        validUntil: now + validFor, time: now)
        let grant = try await DelegationGrant.signed(terms, chainId: chain.chainId, custodian: chain.custodian, key: delegator.key)
        let receipt = try await chain.submit(type: .delegationGrant, body: try grant.body())
        return (try terms.id(), receipt)
    }

    /// Revokes `id`, signed with `key`.
    func revoke(_ id: DelegationID, key: KeyReference) async throws {
        let revocation = try await DelegationRevocation.signed(id, time: chain.clock.nowMilliseconds(), chainId: chain.chainId,
                                                               custodian: chain.custodian, key: key)
        _ = try await chain.submit(type: .delegationRevoke, body: revocation.body)
    }

    /// A delegated update or deactivation of `did` signed by `signer` under `delegation`.
    @discardableResult
    func submitDelegated(_ kind: DIDOperation.Kind, did: DID, document: DIDDocument?, delegation: DelegationID,
                         signer: KeyReference) async throws -> TransactionReceipt {
        let version = UInt64(await resolver.resolve(did).didDocumentMetadata.versionId ?? "0") ?? 0
        let operation = try await DIDOperation.signed(kind, did: did, document: document, previousVersionId: version,
                                                      chainId: chain.chainId, delegation: delegation, custodian: chain.custodian,
                                                      key: signer)
        return try await chain.submit(type: kind.transactionType, body: operation.body)
    }

    /// `did`'s current document with one more service.
    func withService(_ did: DID, _ name: String) async throws -> DIDDocument {
        guard var document = await resolver.resolve(did).didDocument else { throw DIDError(.notFound) }
        document.service.append(Service(id: "\(did)#\(name)", type: .one("LinkedDomains"), serviceEndpoint: .string("https://\(name).example/")))
        return document
    }
}
