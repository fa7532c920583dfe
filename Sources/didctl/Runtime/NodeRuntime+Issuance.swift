import Chain
import Credentials
import DID
import Foundation
import KeyCustody
import Primitives

/// One subject to issue for, with where it came from (a CSV line, or 0 for a single file).
struct IssuanceSubject {
    let line: Int
    let claims: JSONObject
}

/// What a batch issuance produced: the credentials, the rows refused and why, the anchor.
struct IssuanceOutcome {
    var issued: [(line: Int, id: String, credential: JSONValue)] = []
    var refused: [(line: Int, reason: String)] = []
    var anchorTransaction: String?
    var root: String?
}

extension NodeRuntime {
    /// Issues one credential per subject: validates each against the CPT (a refused subject
    /// is reported with its line and the rest still issue), allocates revocation and
    /// suspension entries, anchors the batch's Merkle root in one transaction, then adds each
    /// inclusion proof and signs, in parallel.
    func issueCredentials(account: String, cpt: String?, subjects: [IssuanceSubject], format: CredentialFormat,
                          validUntil: Int64?, progress: ((Int, Int) -> Void)? = nil) async throws -> IssuanceOutcome {
        let (did, signer, custody) = try await credentialSigner(account: account)
        return try await issueCredentials(did: did, signer: signer, custody: custody, cpt: cpt, subjects: subjects, format: format,
                                          validUntil: validUntil, progress: progress)
    }

    /// Issues for a DID whose signer and custody are already at hand (benchmarks, the HTTP issuer).
    func issueCredentials(did: DID, signer: any CredentialSigner, custody: (custodian: any KeyCustodian, key: KeyReference), cpt: String?,
                          subjects: [IssuanceSubject], format: CredentialFormat, validUntil: Int64?,
                          progress: ((Int, Int) -> Void)? = nil) async throws -> IssuanceOutcome {
        let issuer = try CredentialIssuer(issuer: did.description, signer: signer, format: format)
        let ledger = credentialRegistry()
        var outcome = IssuanceOutcome()
        var accepted: [IssuanceSubject] = []
        let schema = try cpt.map { id in
            guard let schema = try ledger.credentialSchema(id: id) else { throw DidctlFailure.refusal("CPT \(id) is not registered on this chain; see `didctl cpt register`.") }
            return schema
        }
        for subject in subjects {
            var claims = subject.claims
            claims.removeValue(forKey: "id")
            if let schema, let violation = schema.validate(.object(claims)).first {
                outcome.refused.append((subject.line, "\(violation)"))
            } else {
                accepted.append(subject)
            }
        }
        guard !accepted.isEmpty else { return outcome }
        let now = Int64(clock.nowMilliseconds())
        let revocation = try ledger.plannedAllocations(issuer: did, purpose: .revocation, count: accepted.count)
        let suspension = try ledger.plannedAllocations(issuer: did, purpose: .suspension, count: accepted.count)
        let revocationEntries = try Self.entries(revocation, purpose: .revocation)
        let suspensionEntries = try Self.entries(suspension, purpose: .suspension)
        let drafts = accepted.indices.map { index in
            CredentialDraft(id: "urn:uuid:\(UUID().uuidString.lowercased())", issuer: did.description, subject: accepted[index].claims,
                            schemaID: cpt, validFrom: now, validUntil: validUntil,
                            status: [revocationEntries[index], suspensionEntries[index]])
        }
        var prepared: [CredentialIssuer.Prepared] = []
        prepared.reserveCapacity(drafts.count)
        let resolver = self.resolver()
        for (index, draft) in drafts.enumerated() {
            let holderKey = format == .sdJWT ? await Self.holderKey(of: accepted[index].claims, resolver: resolver) : nil
            prepared.append(try issuer.prepare(draft.json, holderKey: holderKey))
        }
        let batch = IssuanceBatch(drafts: prepared.map { CredentialDraft(json: $0.payload) })
        let payload = CredentialLedgerPayload.evidenceAnchor(root: batch.root, count: drafts.count, allocations: revocation + suspension)
        let receipt = try await submitCredentialOperation(.evidenceAnchor, did: did, payload: payload, signer: custody)
        outcome.anchorTransaction = receipt.transactionId.description
        outcome.root = Hex.encode(batch.root)
        let secured = try await Self.secureInParallel(batch: batch, prepared: prepared, issuer: issuer, progress: progress)
        var indexed: [(id: String, entries: [IssuedCredentialIndex.Entry])] = []
        for index in accepted.indices {
            let id = drafts[index].json["id"]?.stringValue ?? ""
            outcome.issued.append((accepted[index].line, id, secured[index]))
            indexed.append((id, [revocationEntries[index], suspensionEntries[index]].map {
                IssuedCredentialIndex.Entry(purpose: $0.statusPurpose.rawValue, list: $0.statusListCredential, index: $0.statusListIndex)
            }))
        }
        try IssuedCredentialIndex(directory: directory).append(indexed)
        return outcome
    }

    /// For SD-JWT: the subject's authentication key, when its `id` is a DID that resolves, so
    /// the credential binds to the holder and only the holder can present it.
    private static func holderKey(of claims: JSONObject, resolver: any DIDResolver) async -> PublicKeyMaterial? {
        guard let id = claims["id"]?.stringValue, let did = try? DID(parsing: id),
              let document = await resolver.resolve(did).didDocument else { return nil }
        return document.verificationMethods(authorizedFor: .authentication).lazy.compactMap { try? $0.publicKeyMaterial() }.first
    }

    /// The status entries for allocated ranges, in order.
    private static func entries(_ allocations: [StatusAllocation], purpose: StatusPurpose) throws -> [BitstringStatusListEntry] {
        try allocations.flatMap { allocation in
            try (allocation.from..<(allocation.from + allocation.count)).map {
                try BitstringStatusListEntry(statusPurpose: purpose, statusListIndex: $0, statusListCredential: allocation.list)
            }
        }
    }

    /// Signs the batch on every core: signing dominates issuance.
    private static func secureInParallel(batch: IssuanceBatch, prepared: [CredentialIssuer.Prepared], issuer: CredentialIssuer,
                                         progress: ((Int, Int) -> Void)?) async throws -> [JSONValue] {
        let count = batch.drafts.count
        let chunk = max(256, count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        var results = [JSONValue](repeating: .null, count: count)
        try await withThrowingTaskGroup(of: (Int, [JSONValue]).self) { group in
            for start in stride(from: 0, to: count, by: chunk) {
                group.addTask {
                    var secured: [JSONValue] = []
                    for index in start..<min(start + chunk, count) {
                        var item = prepared[index]
                        item.evidence = try batch.evidence(at: index)
                        secured.append(try await issuer.secure(item))
                    }
                    return (start, secured)
                }
            }
            var done = 0
            for try await (start, secured) in group {
                results.replaceSubrange(start..<(start + secured.count), with: secured)
                done += secured.count
                progress?(done, count)
            }
        }
        return results
    }
}
