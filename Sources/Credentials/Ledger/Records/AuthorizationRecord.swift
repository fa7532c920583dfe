public import DID

/// A holder's grant of access to a grantee, as recorded by `authz.grant`
/// (`specs/credentials.md` §5.7).
public struct AuthorizationRecord: Sendable, Hashable {
    /// The 16-byte id the holder chose.
    public let id: [UInt8]
    /// The DID that granted (and alone may revoke).
    public let holder: DID
    /// The DID allowed to act.
    public let grantee: DID
    /// CPT identifiers or resource URIs the grant covers.
    public let scope: [String]
    /// Why access is granted, in the holder's words.
    public let purpose: String
    /// The first instant of validity, ms.
    public let validFrom: UInt64
    /// The first instant after validity, ms.
    public let validUntil: UInt64
    /// The block time of the grant, ms.
    public let granted: UInt64
    /// The block time of the revocation, ms, or `nil`.
    public var revoked: UInt64?
}
