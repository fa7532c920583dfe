/// The kind of a custody key: which curve it lies on and so which signatures it makes. A
/// struct over a name, so that key types can be added without breaking clients' `switch`es.
///
/// ```swift
/// KeyType(name: "sm2") == .sm2          // true; the keystore's `type` member
/// ```
public struct KeyType: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The stable name, as the keystore's `type` and the vault record's `keyType` write it.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// secp256k1: ECDSA (low-S) over a digest the caller chooses, the default of every mode.
    public static let secp256k1 = KeyType("secp256k1")
    /// SM2 on the recommended curve (GM/T 0003): signs `SM3(Z ‖ message)` with the
    /// distinguishing identifier `1234567812345678`.
    public static let sm2 = KeyType("sm2")
    /// Ed25519 (RFC 8032), signing the message itself: Data Integrity `eddsa-*` and JOSE
    /// `EdDSA`. An assertion key only: the chain verifies DID operations with secp256k1 and
    /// SM2 keys (`specs/did-method.md` §3).
    public static let ed25519 = KeyType("ed25519")
    /// NIST P-256, ECDSA over SHA-256 of the message: Data Integrity `ecdsa-*` and JOSE
    /// `ES256`. An assertion key only, as ``ed25519``.
    public static let p256 = KeyType("p256")

    /// Every key type, for help text and parsing.
    public static let all: [KeyType] = [.secp256k1, .sm2, .ed25519, .p256]

    /// Whether keys of this type can sign the chain's own operations (membership, one-time key
    /// requests, DID operations): secp256k1 and SM2. Ed25519 and P-256 keys sign credentials
    /// and presentations only.
    public var signsChainOperations: Bool { self == .secp256k1 || self == .sm2 }

    /// Parses a key type name.
    /// - Parameter name: `secp256k1`, `sm2`, `ed25519` or `p256`.
    /// - Returns: the key type, or `nil` for an unknown name.
    public init?(name: String) {
        guard let type = Self.all.first(where: { $0.name == name }) else { return nil }
        self = type
    }

    public var description: String { name }
}
