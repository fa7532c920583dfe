public import KeyCustody

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
    /// Data Integrity `eddsa-rdfc-2022`, over the credential's RDFC-1.0 canonical N-Quads
    /// (needs an Ed25519 signer and a credential whose contexts are all bundled and define
    /// every member).
    case diEdDSARDFC = "di-eddsa-rdfc"
    /// Data Integrity `ecdsa-rdfc-2019` over P-256 (needs a P-256 signer; as ``diEdDSARDFC``).
    case diECDSARDFC = "di-ecdsa-rdfc"

    /// The Data Integrity cryptosuite of the format, or `nil` for the JOSE formats.
    public var cryptosuite: DataIntegrityCryptosuite? {
        switch self {
        case .jwt, .sdJWT: nil
        case .diEdDSA: .eddsaJCS2022
        case .diECDSA: .ecdsaJCS2019
        case .diEdDSARDFC: .eddsaRDFC2022
        case .diECDSARDFC: .ecdsaRDFC2019
        }
    }

    /// The key types that can sign the format, in the order an issuer's keys are tried: the
    /// JOSE formats take any (the DID's chain key first), Data Integrity's EdDSA suites need
    /// Ed25519 and its ECDSA suites P-256.
    public var keyTypes: [KeyType] {
        switch self {
        case .jwt, .sdJWT: [.secp256k1, .sm2, .ed25519, .p256]
        case .diEdDSA, .diEdDSARDFC: [.ed25519]
        case .diECDSA, .diECDSARDFC: [.p256]
        }
    }
}
