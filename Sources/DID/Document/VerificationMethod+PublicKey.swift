extension VerificationMethod {
    /// Decodes the method's key according to its type: `publicKeyMultibase` for `Multikey` and
    /// `Ed25519VerificationKey2020`, `publicKeyJwk` for `JsonWebKey` and `JsonWebKey2020`,
    /// either for `EcdsaSecp256k1VerificationKey2019`.
    /// - Returns: the key, whose curve matches what a legacy type promises.
    /// - Throws: `DIDError.unsupportedPublicKeyType` for another method type or key type;
    ///   `DIDError.invalidPublicKey` when the member the type needs is missing or malformed,
    ///   or the key's curve contradicts the type.
    public func publicKeyMaterial() throws -> PublicKeyMaterial {
        let key: PublicKeyMaterial
        switch type {
        case .multikey, .ed25519VerificationKey2020:
            guard let publicKeyMultibase else { throw missing("publicKeyMultibase") }
            key = try PublicKeyMaterial(multikey: publicKeyMultibase)
        case .jsonWebKey, .jsonWebKey2020:
            guard let publicKeyJwk else { throw missing("publicKeyJwk") }
            key = try PublicKeyMaterial(jwk: publicKeyJwk)
        case .ecdsaSecp256k1VerificationKey2019:
            if let publicKeyJwk { key = try PublicKeyMaterial(jwk: publicKeyJwk) }
            else if let publicKeyMultibase { key = try PublicKeyMaterial(multikey: publicKeyMultibase) }
            else { throw missing("publicKeyJwk or publicKeyMultibase") }
        default:
            throw DIDError.unsupportedPublicKeyType("Verification method type \(type) is not supported.")
        }
        switch (type, key) {
        case (.ed25519VerificationKey2020, .ed25519), (.ecdsaSecp256k1VerificationKey2019, .secp256k1),
             (.multikey, _), (.jsonWebKey, _), (.jsonWebKey2020, _):
            return key
        default:
            throw DIDError.invalidPublicKey("A \(type) verification method holds a \(key.jwsAlgorithm) key.")
        }
    }

    private func missing(_ member: String) -> DIDError {
        DIDError.invalidPublicKey("A \(type) verification method needs \(member).")
    }
}
