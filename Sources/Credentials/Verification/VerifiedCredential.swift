public import DID

/// A credential that passed verification. Only ``CredentialVerifier`` creates one, so code
/// that receives a `VerifiedCredential` knows every check held.
public struct VerifiedCredential: Sendable {
    /// The credential (for SD-JWT, with only the disclosed claims).
    public let credential: VerifiableCredential
    /// The issuer's DID.
    public let issuer: String
    /// When it was issued, ms since 1970: the anchor's block time when anchored, else
    /// `validFrom`.
    public let issuedAt: Int64?
    /// The key the holder must prove possession of (SD-JWT `cnf`), when the credential binds one.
    public let holderKey: PublicKeyMaterial?

    init(credential: VerifiableCredential, issuer: String, issuedAt: Int64?, holderKey: PublicKeyMaterial?) {
        self.credential = credential
        self.issuer = issuer
        self.issuedAt = issuedAt
        self.holderKey = holderKey
    }
}
