/// A signature scheme over 64-byte signatures and fixed-length public keys, chosen as a value:
/// BIP-340 Schnorr on secp256k1 (32-byte x-only keys) or SM2 with SM3 (33-byte compressed keys,
/// identifier `1234567812345678`). The chain's crypto suites sign with one or the other
/// (`specs/chain.md` §9).
///
/// ```swift
/// let key = SignatureScheme.sm2.generateKey()
/// let signature = try key.signature(for: message)
/// SignatureScheme.sm2.isValidSignature(signature, publicKey: key.publicKey, message: message) // true
/// ```
public struct SignatureScheme: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable { case bip340, sm2 }
    let kind: Kind

    /// BIP-340 Schnorr signatures on secp256k1.
    public static let bip340 = SignatureScheme(kind: .bip340)
    /// SM2 signatures with SM3 (GM/T 0003.2) on the SM2 recommended curve.
    public static let sm2 = SignatureScheme(kind: .sm2)

    /// The scheme's name: `BIP-340` or `SM2`.
    public var description: String { kind == .bip340 ? "BIP-340" : "SM2" }

    /// The length of a public key: 32 (x-only) or 33 (compressed SEC1).
    public var publicKeyLength: Int { kind == .bip340 ? 32 : 33 }

    /// The length of a signature: 64 for both (`r ‖ s` for SM2).
    public var signatureLength: Int { 64 }

    /// Whether `publicKey` is a valid key of this scheme.
    /// - Parameter publicKey: the key's bytes.
    /// - Returns: `true` for a point of the scheme's curve in its form.
    public func isValidPublicKey(_ publicKey: [UInt8]) -> Bool {
        guard publicKey.count == publicKeyLength else { return false }
        switch kind {
        case .bip340: return (try? Secp256k1XOnlyPublicKey(publicKey)) != nil
        case .sm2: return (try? SM2PublicKey(publicKey)) != nil
        }
    }

    /// Verifies a signature; any malformed input is a `false` verdict.
    /// - Parameters:
    ///   - signature: the 64-byte signature.
    ///   - publicKey: the signer's key in this scheme's form.
    ///   - message: the signed message (for BIP-340, 32 bytes).
    /// - Returns: whether the signature is valid.
    public func isValidSignature(_ signature: [UInt8], publicKey: [UInt8], message: [UInt8]) -> Bool {
        guard publicKey.count == publicKeyLength, signature.count == signatureLength else { return false }
        switch kind {
        case .bip340:
            guard let key = try? Secp256k1XOnlyPublicKey(publicKey) else { return false }
            return key.isValidSchnorrSignature(signature, for: message)
        case .sm2:
            guard let key = try? SM2PublicKey(publicKey), let parsed = try? SM2Signature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: message)
        }
    }

    /// A fresh random private key of this scheme.
    /// - Returns: the key.
    public func generateKey() -> SigningKey {
        kind == .bip340 ? .bip340(Secp256k1PrivateKey()) : .sm2(SM2PrivateKey())
    }

    /// Wraps a 32-byte big-endian scalar as a key of this scheme.
    /// - Parameter secret: the scalar.
    /// - Returns: the key.
    /// - Throws: `PrimitivesError.invalidKey` when the scalar is out of the curve's range.
    public func privateKey(secret: SecureBytes) throws -> SigningKey {
        kind == .bip340 ? .bip340(try Secp256k1PrivateKey(secret: secret)) : .sm2(try SM2PrivateKey(secret: secret))
    }
}
