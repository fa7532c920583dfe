/// One requirement of the W3C VC Data Model that a credential fails, named by the member that
/// fails it ([VCDM 2.0 §4–5](https://www.w3.org/TR/vc-data-model-2.0/#basic-concepts)).
public struct DataModelViolation: Sendable, Hashable, CustomStringConvertible {
    /// The member's path in the credential: `issuer`, `credentialStatus[1].type`, `@context[0]`.
    public let member: String
    /// One sentence saying what the member must be, naming it.
    public let reason: String

    /// Creates a violation.
    /// - Parameters:
    ///   - member: the failing member's path.
    ///   - reason: the sentence a client reads.
    public init(member: String, reason: String) {
        self.member = member
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
