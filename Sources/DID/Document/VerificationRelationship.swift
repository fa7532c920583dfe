/// The verification relationships of W3C DID Core §5.3: what a verification method is
/// authorized to do for the DID subject.
public enum VerificationRelationship: String, CaseIterable, Hashable, Sendable {
    /// Proving control of the DID (log-in, DID operations).
    case authentication
    /// Issuing statements such as verifiable credentials.
    case assertionMethod
    /// Agreeing encryption keys with the subject.
    case keyAgreement
    /// Invoking capabilities as the subject.
    case capabilityInvocation
    /// Delegating capabilities to others.
    case capabilityDelegation
}

/// One entry of a verification relationship: a method embedded in place, or a DID URL naming
/// a method (DID Core §5.3, "embedded or referenced").
public enum VerificationMethodEntry: Hashable, Sendable {
    /// A method defined inside the relationship, usable for that relationship only.
    case embedded(VerificationMethod)
    /// A reference to a method, in this document or another DID's.
    case reference(DIDURL)

    /// The DID URL of the method, whichever form the entry takes.
    public var id: DIDURL {
        switch self {
        case .embedded(let method): method.id
        case .reference(let url): url
        }
    }
}
