/// What a verification checks beyond the format, issuer and proof that every verification
/// checks: a list of ``CredentialCheck`` values, each saying whether it must apply, with the
/// allowed clock skew and whether a presentation must bind its holder. `standard` and
/// `accredited` are Chancery's; an operator defines others from the same values.
///
/// A check that applies is always run and always counts; a check's requirement only decides
/// whether its not applying (no schema, no evidence, …) is acceptable.
///
/// ```swift
/// let revocable = VerificationPolicy(name: "revocable",
///                                    checks: [ValidityCheck(), StatusCheck(required: true), EvidenceCheck()])
/// ```
public struct VerificationPolicy: Sendable {
    /// The policy's name, as results and `--policy` give it.
    public var name: String
    /// The checks, in the order they run and are reported.
    public var checks: [any CredentialCheck]
    /// Allowed clock skew, in milliseconds, when comparing validity times with now.
    public var clockSkew: Int64
    /// Whether a presentation must name a holder who is the subject of every credential it
    /// carries. VC Data Model 2.0 makes `holder` optional and lets anyone present a credential
    /// about someone else, so binding is a verifier's policy, not a validity rule: when it is
    /// off the `holderBinding` check is still run and reported, as not applicable.
    public var bindsHolder: Bool

    /// Creates a policy.
    /// - Parameters:
    ///   - name: its name.
    ///   - checks: the checks, in order; each name at most once.
    ///   - clockSkew: allowed skew in ms.
    ///   - bindsHolder: whether presentations must bind their holder.
    public init(name: String, checks: [any CredentialCheck], clockSkew: Int64 = 0, bindsHolder: Bool = false) {
        self.name = name
        self.checks = checks
        self.clockSkew = clockSkew
        self.bindsHolder = bindsHolder
    }

    /// The checks that must apply: format, issuer and proof always, and each required check.
    public var required: Set<VerificationCheck.Name> {
        Set([.format, .issuer, .proof] + checks.filter(\.isRequired).map(\.name))
    }

    /// Format, issuer, proof and validity must hold; everything else is checked when the
    /// credential carries it, and a presentation need not bind its holder. Suits credentials
    /// from other ecosystems (did:key issuers, W3C examples).
    public static let standard = Self(name: "standard", checks: [
        ValidityCheck(), SchemaCheck(), AccreditationCheck(), StatusCheck(), EvidenceCheck(), HolderBindingCheck(),
    ])
    /// Chancery's own credentials: also a registered schema, an accreditation, a status entry
    /// and anchored evidence are required, and a presentation's holder must be the subject of
    /// each of its credentials.
    public static let accredited = Self(name: "accredited", checks: [
        ValidityCheck(), SchemaCheck(required: true), AccreditationCheck(required: true), StatusCheck(required: true),
        EvidenceCheck(required: true), HolderBindingCheck(),
    ], bindsHolder: true)

    /// Looks a policy up by its name (`standard`, `accredited`), as `didctl` and the HTTP
    /// API's `options.policy` name it.
    public init?(name: String) {
        switch name {
        case "standard": self = .standard
        case "accredited": self = .accredited
        default: return nil
        }
    }
}
