public import DID

/// The JWS `alg` values Chancery signs and accepts: one per key type (RFC 7518 §3.4 `ES256`
/// and `ES384`,
/// RFC 8037 §3.1 `EdDSA`, RFC 8812 §3.2 `ES256K`, and `SM2SM3` for SM2 keys, which IANA has not
/// registered: the name fib-jws uses, specified in `specs/credentials.md` "JOSE").
///
/// Every other value is refused when parsing, `none` and the HMAC family included, so a token
/// can never choose a weaker or keyless check than its key's curve implies.
public enum JWSAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// ECDSA over secp256k1 with SHA-256, 64-byte `r ‖ s`, low-S only.
    case es256k = "ES256K"
    /// Pure Ed25519.
    case edDSA = "EdDSA"
    /// ECDSA over P-256 with SHA-256, 64-byte `r ‖ s`.
    case es256 = "ES256"
    /// ECDSA over P-384 with SHA-384, 96-byte `r ‖ s` (verified only: Chancery holds no P-384
    /// signing keys).
    case es384 = "ES384"
    /// SM2 over `SM3(Z ‖ signing input)` (GM/T 0003.2), distinguishing identifier
    /// `1234567812345678`, 64-byte `r ‖ s`.
    case sm2sm3 = "SM2SM3"

    /// The algorithm a key signs with, decided by its curve alone.
    /// - Parameter key: the public key.
    public init(key: PublicKeyMaterial) {
        switch key {
        case .secp256k1: self = .es256k
        case .ed25519: self = .edDSA
        case .p256: self = .es256
        case .p384: self = .es384
        case .sm2: self = .sm2sm3
        }
    }

    /// Reads an `alg` header value.
    /// - Parameter name: the exact, case-sensitive `alg` text.
    /// - Throws: `CredentialsError.invalidJWS` for `none`, HMAC and every unsupported name.
    public init(parsing name: String) throws {
        guard let algorithm = Self(rawValue: name) else {
            let why = name == "none" ? "an unsecured JWS ('none') is never accepted"
                : name.hasPrefix("HS") ? "HMAC algorithms need a shared secret and are never accepted"
                : "only ES256K, EdDSA, ES256, ES384 and SM2SM3 are supported"
            throw CredentialsError.invalidJWS("JWS header: alg '\(name)' is refused: \(why).")
        }
        self = algorithm
    }
}
