internal import CSodium

extension Ed25519PublicKey {
    /// The X25519 key that shares this key's secret scalar: the Edwards point mapped to its
    /// Montgomery u-coordinate (RFC 7748 §4.1), as did:key derives an Ed25519 key's
    /// `keyAgreement` key.
    ///
    /// libsodium refuses points that are not on the curve, have small order or lie outside the
    /// prime-order subgroup, so a key that maps is one under which signatures can verify.
    /// - Returns: the 32-byte X25519 public key.
    /// - Throws: `PrimitivesError.invalidKey` when the bytes are not a usable Ed25519 point.
    public func x25519PublicKey() throws -> X25519PublicKey {
        Sodium.initialized
        var montgomery = [UInt8](repeating: 0, count: crypto_scalarmult_curve25519_bytes())
        guard crypto_sign_ed25519_pk_to_curve25519(&montgomery, rawRepresentation) == 0 else {
            throw PrimitivesError.invalidKey("The Ed25519 public key is not a prime-order curve point, so it has no X25519 form.")
        }
        return X25519PublicKey(checkedBytes: montgomery)
    }
}
