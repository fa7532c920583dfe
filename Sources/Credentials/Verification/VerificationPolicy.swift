/// Which checks must apply, beyond those that fail whenever they apply.
///
/// A check that applies is always run and always counts; a policy only decides whether a
/// check that does not apply (no schema, no evidence, …) is acceptable.
public struct VerificationPolicy: Sendable, Hashable {
    /// Checks that must apply: `notApplicable` for one of these fails the verification.
    public var required: Set<VerificationCheck.Name>
    /// Allowed clock skew, in milliseconds, when comparing validity times with now.
    public var clockSkew: Int64
    /// Whether a presentation must name a holder who is the subject of every credential it
    /// carries. VC Data Model 2.0 makes `holder` optional and lets anyone present a credential
    /// about someone else, so binding is a verifier's policy, not a validity rule: when it is
    /// off the `holderBinding` check is still run and reported, as not applicable.
    public var bindsHolder: Bool

    /// Creates a policy.
    public init(required: Set<VerificationCheck.Name>, clockSkew: Int64 = 0, bindsHolder: Bool = false) {
        self.required = required
        self.clockSkew = clockSkew
        self.bindsHolder = bindsHolder
    }

    /// Format, issuer and proof must hold; everything else is checked when the credential
    /// carries it, and a presentation need not bind its holder. Suits credentials from other
    /// ecosystems (did:key issuers, W3C examples).
    public static let standard = Self(required: [.format, .issuer, .proof, .validity])
    /// Chancery's own credentials: also a registered schema, an accreditation, a status entry
    /// and anchored evidence are required, and a presentation's holder must be the subject of
    /// each of its credentials.
    public static let accredited = Self(required: [.format, .issuer, .proof, .validity, .schema, .accreditation, .status, .evidence],
                                        bindsHolder: true)

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
