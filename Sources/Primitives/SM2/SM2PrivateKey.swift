/// An SM2 private key on the recommended curve (GM/T 0003, GB/T 32918): a scalar in
/// [1, n − 2], kept in wiped-on-release memory; signing and verification go through OpenSSL.
///
/// ```swift
/// let key = SM2PrivateKey()
/// let signature = try key.signature(for: message)   // identifier 1234567812345678
/// key.publicKey.isValidSignature(signature, for: message) // true
/// ```
public struct SM2PrivateKey: Sendable, CustomStringConvertible {
    let secret: SecureBytes
    /// OpenSSL's form of the key, built once: rebuilding it for every signature made SM2 signing
    /// 1.57 times as slow as OpenSSL called directly. Shared by copies of this value and freed
    /// with the last one (OpenSSL clears the scalar as it frees it).
    let evpKey: SM2EVP.OwnedKey

    /// The matching public key, computed once when the key is made.
    public let publicKey: SM2PublicKey

    /// Generates a fresh random key.
    public init() {
        while true {
            if let key = try? SM2PrivateKey(secret: SecureRandom.secret(count: 32)) { self = key; return }
        }
    }

    /// Wraps a 32-byte big-endian scalar.
    /// - Parameter rawRepresentation: the scalar; it must lie in [1, n − 2].
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or an out-of-range scalar.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        try self.init(secret: SecureBytes(rawRepresentation))
    }

    /// Wraps secret bytes already held in secure memory.
    /// - Parameter secret: the 32-byte big-endian scalar.
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or an out-of-range scalar.
    public init(secret: SecureBytes) throws {
        guard secret.count == 32 else {
            throw PrimitivesError.invalidKey("An SM2 private key is 32 bytes, not \(secret.count).")
        }
        guard SM2Curve.isValidPrivateScalar(secret) else {
            throw PrimitivesError.invalidKey("The SM2 scalar is zero or not below n − 1.")
        }
        self.secret = secret
        publicKey = SM2PublicKey(uncheckedUncompressed: try SM2Curve.publicPoint(for: secret))
        evpKey = try SM2EVP.makeKey(publicPoint: publicKey.uncompressedRepresentation, scalar: secret)
    }

    /// The 32-byte scalar, for the keystore formats that must hold it.
    /// - Warning: this leaves secure memory; only custody code that encrypts it should call this.
    public var rawRepresentation: SecureBytes { secret }

    /// A redacted description: private keys never reach logs.
    public var description: String { "SM2PrivateKey(redacted)" }
}
