/// What a verification request asks beyond the document (`options` of the VC API's verify
/// requests, read by the HTTP layer; other members, such as `checks`, are ignored there because
/// every applicable check always runs).
public struct VerificationOptions: Sendable, Hashable {
    /// Which rules a credential must meet.
    public enum Policy: String, Sendable, CaseIterable {
        /// Signature, validity period, status and schema checks.
        case standard
        /// `standard`, plus an accredited issuer and, for presentations, holder binding.
        case accredited
    }

    /// The policy (`standard` unless asked).
    public var policy: Policy
    /// The challenge a presentation must carry.
    public var challenge: String?
    /// The domain a presentation must carry.
    public var domain: String?

    /// Options with these members.
    public init(policy: Policy = .standard, challenge: String? = nil, domain: String? = nil) {
        self.policy = policy
        self.challenge = challenge
        self.domain = domain
    }
}
