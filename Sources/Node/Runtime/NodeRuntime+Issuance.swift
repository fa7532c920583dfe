package import Chain
package import Credentials
package import DID
package import Foundation
package import KeyCustody
package import Primitives

/// One subject to issue for, with where it came from (a CSV line, or 0 for a single file).
package struct IssuanceSubject {
    /// The CSV line, or 0.
    package let line: Int
    /// The subject's claims.
    package let claims: JSONObject

    /// A subject from `line`.
    package init(line: Int, claims: JSONObject) {
        self.line = line
        self.claims = claims
    }
}

/// What a batch issuance produced: the credentials, the rows refused and why, the anchor.
package struct IssuanceOutcome {
    package var issued: [(line: Int, id: String, credential: JSONValue)] = []
    package var refused: [(line: Int, reason: String)] = []
    package var anchorTransaction: String?
    package var root: String?

    /// Nothing issued yet.
    package init() {}
}

extension NodeRuntime {
    /// Issues for a DID whose signer and custody are already at hand (benchmarks, the HTTP
    /// issuer), recording the status entries in this data directory's issued-credential index.
    package func issueCredentials(did: DID, signer: any CredentialSigner, custody: AccountCustody, cpt: String?,
                                  subjects: [IssuanceSubject], format: CredentialFormat, validUntil: Int64?,
                                  progress: ((Int, Int) -> Void)? = nil) async throws -> IssuanceOutcome {
        try await issueCredentials(did: did, signer: signer, custody: custody, cpt: cpt, subjects: subjects, format: format,
                                   validUntil: validUntil, recordingIn: directory, progress: progress)
    }
}

extension ChainGateway {
    /// Issues one credential per subject for a DID whose signer and custody are at hand, through
    /// this chain (the data directory's, or a running node's: the keys sign here either way):
    /// validates each against the CPT (a refused subject is reported with its line and the rest
    /// still issue), allocates revocation and suspension entries and anchors the batch's Merkle
    /// root in one transaction, in the issuer's lane, then adds each inclusion proof and signs,
    /// in parallel.
    /// - Parameter directory: the data directory whose issued-credential index records the
    ///   credentials' status entries (for later revocation by id).
    package func issueCredentials(did: DID, signer: any CredentialSigner, custody: AccountCustody, cpt: String?,
                                  subjects: [IssuanceSubject], format: CredentialFormat, validUntil: Int64?,
                                  recordingIn directory: DataDirectory,
                                  progress: ((Int, Int) -> Void)? = nil) async throws -> IssuanceOutcome {
        let issuer = try CredentialIssuer(issuer: did.description, signer: signer, format: format)
        var outcome = IssuanceOutcome()
        var accepted: [IssuanceSubject] = []
        var schema: CredentialSchema?
        if let cpt {
            guard let found = try await credentialSchema(id: cpt) else {
                throw NodeError.refusal("CPT \(cpt) is not registered on this chain; see `didctl cpt register`.")
            }
            schema = found
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
        // Resolved before the issuer's lane is taken: holder keys do not depend on the allocation.
        var holderKeys: [PublicKeyMaterial?] = []
        for subject in accepted {
            holderKeys.append(format == .sdJWT ? await holderKey(of: subject.claims) : nil)
        }
        let anchored = try await anchorBatch(did: did, issuer: issuer, subjects: accepted.map(\.claims), holderKeys: holderKeys, cpt: cpt,
                                             validFrom: now, validUntil: validUntil, custody: custody)
        outcome.anchorTransaction = anchored.receipt.transactionId.description
        outcome.root = Hex.encode(anchored.batch.root)
        let secured = try await Self.secureInParallel(batch: anchored.batch, prepared: anchored.prepared, issuer: issuer, progress: progress)
        var indexed: [(id: String, entries: [IssuedCredentialIndex.Entry])] = []
        for index in accepted.indices {
            let id = anchored.drafts[index].json["id"]?.stringValue ?? ""
            outcome.issued.append((accepted[index].line, id, secured[index]))
            indexed.append((id, anchored.entries[index].map {
                IssuedCredentialIndex.Entry(purpose: $0.statusPurpose.rawValue, list: $0.statusListCredential, index: $0.statusListIndex)
            }))
        }
        try IssuedCredentialIndex(directory: directory).append(indexed)
        return outcome
    }

    /// For SD-JWT: the subject's authentication key, when its `id` is a DID that resolves, so
    /// the credential binds to the holder and only the holder can present it.
    private func holderKey(of claims: JSONObject) async -> PublicKeyMaterial? {
        guard let id = claims["id"]?.stringValue, let did = try? DID(parsing: id),
              let document = await resolve(did).didDocument else { return nil }
        return document.verificationMethods(authorizedFor: .authentication).lazy.compactMap { try? $0.publicKeyMaterial() }.first
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
