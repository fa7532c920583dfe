internal import Crypto

/// A NIST P-256 private key (through swift-crypto), for JOSE `ES256` and Data Integrity
/// `ecdsa-jcs-2019`.
public struct P256PrivateKey: Sendable, CustomStringConvertible {
    private let key: P256.Signing.PrivateKey

    /// Generates a fresh random key.
    public init() { key = P256.Signing.PrivateKey() }

    /// Wraps a 32-byte big-endian scalar.
    /// - Throws: `PrimitivesError.invalidKey` for a wrong length or an out-of-range scalar.
    public init(rawRepresentation: some Collection<UInt8>) throws {
        do { key = try P256.Signing.PrivateKey(rawRepresentation: Array(rawRepresentation)) } catch {
            throw PrimitivesError.invalidKey("The bytes are not a P-256 private key.")
        }
    }

    /// The matching public key.
    public var publicKey: P256PublicKey { P256PublicKey(key: key.publicKey) }

    /// The 32-byte scalar.
    /// - Warning: for keystores that encrypt it; never log it.
    public var rawRepresentation: SecureBytes { SecureBytes(key.rawRepresentation) }

    /// Signs `message` with ECDSA over SHA-256.
    /// - Returns: the 64-byte `r ‖ s` (IEEE P1363) signature that JOSE and Data Integrity use.
    /// - Throws: `PrimitivesError.libraryFailure` if the backend fails.
    public func signature(for message: some Collection<UInt8>) throws -> [UInt8] {
        do { return Array(try key.signature(for: Array(message)).rawRepresentation) } catch {
            throw PrimitivesError.libraryFailure("P-256 signing failed.")
        }
    }

    /// A redacted description.
    public var description: String { "P256PrivateKey(redacted)" }
}
