/// A status change of an issued credential (VC API `UpdateCredentialStatusRequest`, read by the
/// HTTP layer): set or clear its revocation or suspension bit.
public struct StatusChangeRequest: Sendable, Hashable {
    /// Which status entry of the credential changes.
    public enum Purpose: String, Sendable, CaseIterable {
        /// The revocation entry (a set bit revokes for good).
        case revocation
        /// The suspension entry (a set bit suspends until cleared).
        case suspension
    }

    /// The credential's id, as issued by this node.
    public let credentialId: String
    /// The entry that changes.
    public let purpose: Purpose
    /// The bit's new value.
    public let value: Bool

    /// A request with these members.
    public init(credentialId: String, purpose: Purpose, value: Bool) {
        self.credentialId = credentialId
        self.purpose = purpose
        self.value = value
    }
}
