internal import DID
internal import Primitives

/// The credential's leaf lies under a Merkle root its issuer anchored on the chain; the
/// anchor's block time is the credential's trusted issuance time.
public struct EvidenceCheck: CredentialCheck {
    /// See ``CredentialCheck/isRequired``.
    public var isRequired: Bool
    /// See ``CredentialCheck/name``.
    public var name: VerificationCheck.Name { .evidence }

    /// An evidence check.
    public init(required: Bool = false) { isRequired = required }

    /// See ``CredentialCheck/evaluate(_:)``.
    public func evaluate(_ input: inout CredentialCheckInput) -> VerificationCheck {
        input.anchoredEvidence().check
    }

    /// The outcome for a credential's anchor evidence and the block time it proves; looked up
    /// once per verification (``CredentialCheckInput/anchoredEvidence()``).
    static func lookUp(_ secured: SecuredCredential, registry: any CredentialRegistry) -> (check: VerificationCheck, time: Int64?) {
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
            return (CredentialVerifier.registryFailure(.evidence, "The anchors could not be read", error), nil)
        }
        guard let anchor else {
            return (.failed(.evidence, "anchorNotFound", "No anchor with root \(Hex.encode(evidence.root)) is on this chain."), nil)
        }
        guard anchor.issuer.description == secured.credential.issuer else {
            return (.failed(.evidence, "anchorNotIssuers", "The root was anchored by \(anchor.issuer), not by the issuer."), nil)
        }
        return (.passed(.evidence, "Anchored by the issuer in block \(anchor.height) at \(CredentialVerifier.text(anchor.time))."), anchor.time)
    }
}
