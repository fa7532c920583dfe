package import Primitives

/// A private key of one of the JCS cryptosuites.
package enum DataIntegritySigningKey: Sendable {
    case ed25519(Ed25519PrivateKey)
    case p256(P256PrivateKey)

    /// The cryptosuite this key signs for.
    package var cryptosuite: DataIntegrityCryptosuite {
        switch self {
        case .ed25519: .eddsaJCS2022
        case .p256: .ecdsaJCS2019
        }
    }

    /// Signs the 64-byte `hashData`; for P-256 the signature algorithm itself hashes it with
    /// SHA-256, as ecdsa-jcs-2019 requires.
    package func signature(for hashData: [UInt8]) throws -> [UInt8] {
        switch self {
        case .ed25519(let key): return key.signature(for: hashData)
        case .p256(let key):
            do { return try key.signature(for: hashData) } catch {
                throw CredentialsError.invalidProof("The P-256 signing backend failed.")
            }
        }
    }
}
