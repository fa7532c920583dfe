internal import CSecp256k1
internal import CSodium

/// A secp256k1 private key: a scalar in [1, n-1], kept in wiped-on-release memory.
///
/// ```swift
/// let key = Secp256k1PrivateKey()
/// let signature = key.signature(forDigest: Hash.sha256(message))
/// key.publicKey.isValidSignature(signature, forDigest: Hash.sha256(message)) // true
/// ```
public struct Secp256k1PrivateKey: Sendable, CustomStringConvertible {
    let secret: SecureBytes
    /// libsecp256k1's key pair (scalar and public point), computed once so that signing and
    /// `publicKey` do not repeat the point multiplication.
    let keypair: SecureBytes

    /// Generates a fresh random key.
    public init() {
        while true {
            let candidate = SecureBytes(count: 32) { randombytes_buf($0.baseAddress!, 32) }
            if let key = try? Secp256k1PrivateKey(secret: candidate) { self = key; return }
        }
    }

    /// Wraps a 32-byte big-endian scalar.
    /// - Parameter rawRepresentation: the scalar; it must be non-zero and below the group order.
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or out-of-range scalar.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        try self.init(secret: SecureBytes(rawRepresentation))
    }

    /// Wraps secret bytes already held in secure memory.
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or out-of-range scalar.
    public init(secret: SecureBytes) throws {
        guard secret.count == 32 else {
            throw PrimitivesError.invalidKey("A secp256k1 private key is 32 bytes, not \(secret.count).")
        }
        let ok = secret.withUnsafeBytes { bytes in
            secp256k1_ec_seckey_verify(Secp256k1Context.shared.raw, bytes.bindMemory(to: UInt8.self).baseAddress!)
        }
        guard ok == 1 else { throw PrimitivesError.invalidKey("The secp256k1 scalar is zero or not below the group order.") }
        self.secret = secret
        keypair = SecureBytes(count: MemoryLayout<secp256k1_keypair>.size) { out in
            let created = secret.withUnsafeBytes { scalar in
                secp256k1_keypair_create(
                    Secp256k1Context.shared.raw, out.bindMemory(to: secp256k1_keypair.self).baseAddress!,
                    scalar.bindMemory(to: UInt8.self).baseAddress!)
            }
            precondition(created == 1, "a verified secp256k1 scalar always forms a key pair")
        }
    }

    /// The matching public key.
    public var publicKey: Secp256k1PublicKey {
        var pubkey = secp256k1_pubkey()
        _ = withKeypair { secp256k1_keypair_pub(Secp256k1Context.shared.raw, &pubkey, $0) }
        return Secp256k1PublicKey(raw: pubkey)
    }

    /// The 32-byte scalar, for the keystore formats that must hold it.
    /// - Warning: this leaves secure memory; only custody code that encrypts it should call this.
    public var rawRepresentation: SecureBytes { secret }

    /// A redacted description: private keys never reach logs.
    public var description: String { "Secp256k1PrivateKey(redacted)" }

    func withKeypair<R>(_ body: (UnsafePointer<secp256k1_keypair>) throws -> R) rethrows -> R {
        try keypair.withUnsafeBytes { try body($0.bindMemory(to: secp256k1_keypair.self).baseAddress!) }
    }

    func withScalar<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try secret.withUnsafeBytes { try body($0.bindMemory(to: UInt8.self).baseAddress!) }
    }
}
