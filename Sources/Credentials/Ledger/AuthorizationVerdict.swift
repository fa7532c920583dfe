/// The answer of ``CredentialLedger/checkAuthorization(id:scopeItem:nonce:signature:now:)``:
/// granted, or the first rule that failed (`specs/credentials.md` §5.7).
public enum AuthorizationVerdict: Sendable, Hashable, CaseIterable {
    /// The grant exists, is in force, covers the item, and the grantee signed the challenge.
    case granted
    /// No grant has this id.
    case unknownGrant
    /// The holder revoked the grant.
    case revoked
    /// The check is before the grant's `validFrom`.
    case notYetValid
    /// The check is at or after the grant's `validUntil`.
    case expired
    /// The requested item is not in the grant's scope.
    case outOfScope
    /// The signature is malformed or recovers no key.
    case granteeSignatureInvalid
    /// The signature is by a key that is not a current authentication key of the grantee
    /// (someone else presenting a copied grant, a rotated key, or a deactivated grantee).
    case granteeNotCurrentKey

    /// Whether access is granted.
    public var isGranted: Bool { self == .granted }
}
