package import Primitives
package import LinkedData

/// A public key of one of the Data Integrity cryptosuites.
package enum DataIntegrityVerificationKey: Sendable {
    case ed25519(Ed25519PublicKey)
    case p256(P256PublicKey)
    case p384(P384PublicKey)

    /// Whether this key checks proofs of `suite`: Ed25519 the EdDSA suites and the legacy
    /// Ed25519 types, P-256 both ECDSA suites, P-384 `ecdsa-rdfc-2019` only.
    package func verifies(_ suite: DataIntegrityCryptosuite) -> Bool {
        switch (self, suite) {
        case (.ed25519, .eddsaJCS2022), (.ed25519, .eddsaRDFC2022), (.ed25519, .ed25519Signature2020), (.ed25519, .ed25519Signature2018),
             (.p256, .ecdsaJCS2019), (.p256, .ecdsaRDFC2019), (.p384, .ecdsaRDFC2019):
            true
        default: false
        }
    }

    /// The digest of the hashing algorithm: SHA-384 for P-384, SHA-256 otherwise.
    package var digest: CanonicalizationHashAlgorithm {
        if case .p384 = self { .sha384 } else { .sha256 }
    }

    /// The length of a signature by this key: 96 bytes for P-384, 64 otherwise.
    package var signatureLength: Int {
        if case .p384 = self { 96 } else { 64 }
    }

    /// Whether `signature` is this key's signature of `hashData` (ECDSA hashes it again with
    /// the curve's digest, as the ECDSA suites require).
    package func isValidSignature(_ signature: [UInt8], for hashData: [UInt8]) -> Bool {
        switch self {
        case .ed25519(let key): key.isValidSignature(signature, for: hashData)
        case .p256(let key): key.isValidSignature(signature, for: hashData)
        case .p384(let key): key.isValidSignature(signature, for: hashData)
        }
    }
}
