internal import Primitives

/// What a ``CredentialCheck`` examines: the decoded credential, the verification time, the
/// registry and the caller's expectations, plus the work the checks of one verification share
/// (the schema pattern budget, the anchor lookup).
public struct CredentialCheckInput {
    let secured: SecuredCredential
    /// The verification time, ms since 1970.
    let now: Int64
    let registry: any CredentialRegistry
    /// The policy's allowed clock skew, in ms.
    let clockSkew: Int64
    let keyBinding: CredentialVerifier.KeyBindingExpectation?
    /// Pattern-matching work left for this request (shared by a presentation's credentials).
    var budget: PatternBudget
    private var evidence: (check: VerificationCheck, time: Int64?)?

    init(secured: SecuredCredential, now: Int64, registry: any CredentialRegistry, clockSkew: Int64,
         keyBinding: CredentialVerifier.KeyBindingExpectation?, budget: PatternBudget) {
        self.secured = secured
        self.now = now
        self.registry = registry
        self.clockSkew = clockSkew
        self.keyBinding = keyBinding
        self.budget = budget
    }

    /// The anchor evidence's outcome and the block time it proves, looked up once for the
    /// checks that need either (``EvidenceCheck``, ``AccreditationCheck``).
    mutating func anchoredEvidence() -> (check: VerificationCheck, time: Int64?) {
        if let evidence { return evidence }
        let found = EvidenceCheck.lookUp(secured, registry: registry)
        evidence = found
        return found
    }

    /// When the credential was issued: its anchor's block time (which the issuer cannot
    /// choose) when it is anchored, else its `validFrom`.
    mutating func issuedAt() -> Int64? {
        anchoredEvidence().time ?? secured.credential.validFrom
    }
}
