package import Primitives

/// A public key of one of the JCS cryptosuites.
package enum DataIntegrityVerificationKey: Sendable {
    case ed25519(Ed25519PublicKey)
    case p256(P256PublicKey)

    /// The cryptosuite this key verifies for.
    package var cryptosuite: DataIntegrityCryptosuite {
        switch self {
        case .ed25519: .eddsaJCS2022
        case .p256: .ecdsaJCS2019
        }
    }

    /// Whether `signature` is this key's signature of `hashData`.
    package func isValidSignature(_ signature: [UInt8], for hashData: [UInt8]) -> Bool {
        switch self {
        case .ed25519(let key): key.isValidSignature(signature, for: hashData)
        case .p256(let key): key.isValidSignature(signature, for: hashData)
        }
    }
}
