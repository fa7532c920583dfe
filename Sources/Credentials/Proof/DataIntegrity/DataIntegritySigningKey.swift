package import Primitives

/// A private key of one of the Data Integrity cryptosuites Chancery signs with.
package enum DataIntegritySigningKey: Sendable {
    case ed25519(Ed25519PrivateKey)
    case p256(P256PrivateKey)

    /// Whether this key makes proofs of `suite`: Ed25519 `eddsa-jcs-2022`, `eddsa-rdfc-2022`
    /// and `Ed25519Signature2020`; P-256 `ecdsa-jcs-2019` and `ecdsa-rdfc-2019`.
    /// `Ed25519Signature2018` is verified only.
    package func signs(_ suite: DataIntegrityCryptosuite) -> Bool {
        switch (self, suite) {
        case (.ed25519, .eddsaJCS2022), (.ed25519, .eddsaRDFC2022), (.ed25519, .ed25519Signature2020),
             (.p256, .ecdsaJCS2019), (.p256, .ecdsaRDFC2019):
            true
        default: false
        }
    }

    /// The name of the key's algorithm, for error messages.
    package var algorithm: String {
        switch self {
        case .ed25519: "Ed25519"
        case .p256: "P-256"
        }
    }

    /// Signs the 64-byte `hashData`; for P-256 the signature algorithm itself hashes it with
    /// SHA-256, as the ECDSA suites require.
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
