internal import Primitives

extension PublicKeyMaterial {
    /// The JOSE algorithm (RFC 7518, RFC 8037, RFC 8812) a signature by this key uses.
    public var jwsAlgorithm: String {
        switch self {
        case .secp256k1: "ES256K"
        case .ed25519: "EdDSA"
        case .p256: "ES256"
        case .p384: "ES384"
        case .sm2: "SM2SM3"
        }
    }

    /// Checks a signature of `message` under this key with the key type's JOSE algorithm:
    /// `ES256K` (ECDSA over SHA-256, 64-byte `r ‖ s`, low-S only), `EdDSA` (pure Ed25519) or
    /// `ES256` (ECDSA P-256 over SHA-256, 64-byte `r ‖ s`), `ES384` (ECDSA P-384 over SHA-384,
    /// 96-byte `r ‖ s`) or `SM2SM3` (SM2 over
    /// `SM3(Z ‖ message)` with the distinguishing identifier `1234567812345678`, 64-byte `r ‖ s`).
    ///
    /// A high-S secp256k1 signature is refused: it is a malleated copy of a valid one, and
    /// accepting both would give one message two signatures.
    /// - Parameters:
    ///   - signature: the signature bytes; a wrong length is simply invalid.
    ///   - message: the signed bytes (hashed here for the ECDSA algorithms, and with the Z-value
    ///     for SM2).
    /// - Returns: `true` only for a valid signature by this key.
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        switch self {
        case .ed25519(let key):
            return key.isValidSignature(signature, for: message)
        case .p256(let key):
            return key.isValidSignature(Array(signature), for: message)
        case .p384(let key):
            return key.isValidSignature(Array(signature), for: message)
        case .sm2(let key):
            guard let parsed = try? SM2Signature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: message)
        case .secp256k1(let key):
            guard signature.count == 64, let parsed = try? Secp256k1ECDSASignature(compactRepresentation: signature) else {
                return false
            }
            return key.isValidSignature(parsed, forDigest: Hash.sha256(message))
        }
    }
}
