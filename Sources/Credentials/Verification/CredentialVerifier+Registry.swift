internal import DID
internal import Primitives

extension CredentialVerifier {
    /// The subjects (without their `id`) satisfy every registered schema the credential names.
    /// For SD-JWT, a `required` claim the holder chose not to disclose is not a violation.
    /// Pattern matching draws on `budget`, shared by every subject and schema of the request.
    func schema(of secured: SecuredCredential, budget: inout PatternBudget) -> VerificationCheck {
        let references = secured.credential.schemas
        guard !references.isEmpty else { return .notApplicable(.schema, "The credential names no credentialSchema.") }
        var names: [String] = []
        for reference in references {
            guard let cpt = CPTIdentifier(reference.id) else {
                return .failed(.schema, "unknownSchema", "The schema \(reference.id) is not a CPT (urn:chancery:cpt:N:V) of this chain; other schemas are not fetched.")
            }
            let schema: CredentialSchema?
            do { schema = try registry.credentialSchema(id: cpt) } catch {
                return Self.registryFailure(.schema, "The schema registry could not be read", error)
            }
            guard let schema else {
                return .failed(.schema, "unknownSchema", "The schema \(reference.id) is not registered on this chain.")
            }
            for subject in secured.credential.subjects {
                var claims = subject
                claims.removeValue(forKey: "id")
                var violations = schema.validate(.object(claims), budget: &budget)
                if secured.format == .sdJWT { violations.removeAll { $0.keyword == "required" } }
                if let first = violations.first {
                    let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
                    return .failed(.schema, "schemaViolation", "The subject does not satisfy \(reference.id): \(first)\(more).")
                }
            }
            names.append(reference.id)
        }
        return .passed(.schema, "The subject satisfies \(names.joined(separator: ", ")).")
    }

    /// The issuer was accredited for each named CPT at issuance time: the anchor's block time
    /// when the credential is anchored (a time the issuer cannot choose), else `validFrom`.
    func accreditation(of secured: SecuredCredential, issuedAt: Int64?) -> VerificationCheck {
        let issuer = secured.credential.issuer
        let cpts = secured.credential.schemas.compactMap { CPTIdentifier($0.id) }
        guard !cpts.isEmpty else { return .notApplicable(.accreditation, "The credential names no registered CPT to be accredited for.") }
        guard let issuedAt else {
            return .failed(.accreditation, "unknownIssuanceTime", "Neither an anchor nor validFrom tells when the credential was issued.")
        }
        guard let did = try? DID(parsing: issuer) else {
            return .failed(.accreditation, "notAccredited", "The issuer \(issuer) is not a DID, so it cannot be accredited.")
        }
        for cpt in cpts {
            do {
                guard try registry.isAccredited(issuer: did, schema: cpt, at: issuedAt) else {
                    return .failed(.accreditation, "notAccredited", "\(issuer) was not an accredited issuer of \(cpt) at \(Self.text(issuedAt)).")
                }
            } catch {
                return Self.registryFailure(.accreditation, "The issuer registry could not be read", error)
            }
        }
        return .passed(.accreditation, "\(issuer) was accredited for \(cpts.map(\.description).joined(separator: ", ")) at \(Self.text(issuedAt)).")
    }

    /// No revocation or suspension entry is set; each list must be the issuer's own.
    func status(of secured: SecuredCredential) -> VerificationCheck {
        let entries = secured.credential.statusEntries
        guard !entries.isEmpty else { return .notApplicable(.status, "The credential has no credentialStatus.") }
        var checked: [String] = []
        for object in entries {
            let entry: BitstringStatusListEntry
            do { entry = try BitstringStatusListEntry(json: .object(object)) } catch {
                return .failed(.status, "invalidStatusEntry", (error as? CredentialsError)?.reason ?? "A credentialStatus entry is malformed.")
            }
            guard entry.statusPurpose == .revocation || entry.statusPurpose == .suspension else { continue }
            let registered: RegisteredStatusList?
            do { registered = try registry.registeredStatusList(id: entry.statusListCredential) } catch {
                return Self.registryFailure(.status, "The status list could not be read", error)
            }
            guard let registered else {
                return .failed(.status, "statusListNotFound", "The status list \(entry.statusListCredential) is not published on this chain.")
            }
            guard registered.issuer.description == secured.credential.issuer else {
                return .failed(.status, "statusListNotIssuers", "The status list \(entry.statusListCredential) belongs to \(registered.issuer), not to the issuer.")
            }
            guard let set = try? registered.list.status(at: entry.statusListIndex) else {
                return .failed(.status, "statusIndexOutOfRange", "Index \(entry.statusListIndex) lies outside the status list.")
            }
            if set != 0 {
                let code = entry.statusPurpose == .revocation ? "revoked" : "suspended"
                return .failed(.status, code, "The credential is \(code) (\(entry.statusListCredential), index \(entry.statusListIndex)).")
            }
            checked.append(entry.statusPurpose.rawValue)
        }
        guard !checked.isEmpty else { return .notApplicable(.status, "No revocation or suspension entry to check.") }
        return .passed(.status, "Not \(checked.map { $0 == "revocation" ? "revoked" : "suspended" }.joined(separator: " or ")).")
    }

    /// The credential's leaf lies under a root its issuer anchored on the chain.
    func evidence(of secured: SecuredCredential) -> (check: VerificationCheck, time: Int64?) {
        let entries = secured.credential.evidence.filter(AnchorEvidence.isAnchorEntry)
        guard let entry = entries.first else {
            return (.notApplicable(.evidence, "The credential carries no anchor evidence."), nil)
        }
        guard entries.count == 1 else { return (.failed(.evidence, "invalidEvidence", "The credential carries more than one anchor entry."), nil) }
        let evidence: AnchorEvidence
        do { evidence = try AnchorEvidence(json: entry) } catch {
            return (.failed(.evidence, "invalidEvidence", (error as? CredentialsError)?.reason ?? "The anchor entry is malformed."), nil)
        }
        guard let leaf = secured.anchored.leaf else {
            return (.failed(.evidence, "invalidEvidence", "The signed payload must end with its evidence member, as Chancery issuers write it."), nil)
        }
        guard evidence.proof.verify(leaf: leaf, root: evidence.root) else {
            return (.failed(.evidence, "inclusionProofMismatch", "The credential's hash is not under the Merkle root its evidence names: it was altered after issuance."), nil)
        }
        let anchor: RegisteredAnchor?
        do { anchor = try registry.registeredAnchor(root: evidence.root) } catch {
            return (Self.registryFailure(.evidence, "The anchors could not be read", error), nil)
        }
        guard let anchor else {
            return (.failed(.evidence, "anchorNotFound", "No anchor with root \(Hex.encode(evidence.root)) is on this chain."), nil)
        }
        guard anchor.issuer.description == secured.credential.issuer else {
            return (.failed(.evidence, "anchorNotIssuers", "The root was anchored by \(anchor.issuer), not by the issuer."), nil)
        }
        return (.passed(.evidence, "Anchored by the issuer in block \(anchor.height) at \(Self.text(anchor.time))."), anchor.time)
    }
}
