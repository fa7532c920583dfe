/// The securing formats Chancery issues, named as `didctl credential issue --format` takes them.
public enum CredentialFormat: String, Sendable, CaseIterable {
    /// VC-JOSE-COSE `vc+jwt` (ES256K for member keys, SM2SM3 for SM2 keys; EdDSA or ES256 for
    /// other keys).
    case jwt
    /// `vc+sd-jwt`: every subject claim selectively disclosable, bound to the holder's key.
    case sdJWT = "sd-jwt"
    /// Data Integrity `eddsa-jcs-2022` (needs an Ed25519 signer).
    case diEdDSA = "di-eddsa"
    /// Data Integrity `ecdsa-jcs-2019` (needs a P-256 signer).
    case diECDSA = "di-ecdsa"
}
