package import Chain
package import Credentials
package import DID
package import Foundation
package import KeyCustody
package import Primitives

extension ChainGateway {
    /// How many times a batch is planned when state overtakes its allocation: only another
    /// node anchoring for the same DID can do that, since this node plans in the issuer's lane.
    package static var anchoringAttempts: Int { 3 }

    /// Allocates a revocation and a suspension entry per subject, prepares the credentials and
    /// anchors the batch's root, in the issuer's lane: concurrent issuances of this node for one
    /// DID plan one after another from committed state, so none takes another's indexes.
    /// - Throws: `ChainError.unavailable` when the allocation is still overtaken after
    ///   ``anchoringAttempts`` plans (the node's conflict, never the request's); other refusals.
    package func anchorBatch(did: DID, issuer: CredentialIssuer, subjects: [JSONObject], holderKeys: [PublicKeyMaterial?], cpt: String?,
                     validFrom: Int64, validUntil: Int64?, custody: AccountCustody) async throws -> AnchoredBatch {
        // Under RDFC the CPT's claims are terms of the CPT (`urn:chancery:cpt:N:V#name`): the
        // VC 2.0 context defines none of them, and an undefined claim would not be signed.
        let vocabulary = issuer.format.cryptosuite?.usesRDFC == true ? cpt.map { "\($0)#" } : nil
        return try await anchorBatch(did: did, issuer: issuer, count: subjects.count, holderKeys: holderKeys, custody: custody) { index, status in
            CredentialDraft(id: "urn:uuid:\(UUID().uuidString.lowercased())", issuer: did.description, subject: subjects[index],
                            schemaID: cpt, validFrom: validFrom, validUntil: validUntil, status: status, claimsVocabulary: vocabulary)
        }
    }

    /// Allocates, prepares and anchors `count` credentials as above, each drafted by `draft`
    /// from its index and its allocated status entries (the VC API issuer drafts from the
    /// credential it was sent).
    package func anchorBatch(did: DID, issuer: CredentialIssuer, count: Int, holderKeys: [PublicKeyMaterial?], custody: AccountCustody,
                             draft: (_ index: Int, _ status: [BitstringStatusListEntry]) -> CredentialDraft) async throws -> AnchoredBatch {
        let subjects = 0..<count
        return try await issuerLanes.run(did.description) {
            for _ in 1...Self.anchoringAttempts {
                let revocation = try await plannedAllocations(issuer: did, purpose: .revocation, count: subjects.count)
                let suspension = try await plannedAllocations(issuer: did, purpose: .suspension, count: subjects.count)
                let entries = zip(try Self.entries(revocation, purpose: .revocation), try Self.entries(suspension, purpose: .suspension)).map { [$0, $1] }
                let drafts = subjects.map { draft($0, entries[$0]) }
                let prepared = try drafts.indices.map { try issuer.prepare(drafts[$0].json, holderKey: holderKeys[$0]) }
                let batch = IssuanceBatch(drafts: prepared.map { CredentialDraft(json: $0.payload) })
                let payload = CredentialLedgerPayload.evidenceAnchor(root: batch.root, count: drafts.count, allocations: revocation + suspension)
                do {
                    let receipt = try await submitCredentialOperation(.evidenceAnchor, did: did, payload: payload, signer: custody)
                    return AnchoredBatch(drafts: drafts, prepared: prepared, batch: batch, entries: entries, receipt: receipt)
                } catch let error as ChainError where error.code == .alreadyExists {
                    // Plan again only when committed state moved past this plan; any other conflict stands.
                    let revocationNow = try await plannedAllocations(issuer: did, purpose: .revocation, count: subjects.count)
                    let suspensionNow = try await plannedAllocations(issuer: did, purpose: .suspension, count: subjects.count)
                    guard revocationNow != revocation || suspensionNow != suspension else { throw error }
                }
            }
            throw ChainError(.unavailable, "Other batches of \(did) kept taking the planned status indexes; try the issuance again.")
        }
    }

    /// The status entries for allocated ranges, in order.
    private static func entries(_ allocations: [StatusAllocation], purpose: StatusPurpose) throws -> [BitstringStatusListEntry] {
        try allocations.flatMap { allocation in
            try (allocation.from..<(allocation.from + allocation.count)).map {
                try BitstringStatusListEntry(statusPurpose: purpose, statusListIndex: $0, statusListCredential: allocation.list)
            }
        }
    }
}
