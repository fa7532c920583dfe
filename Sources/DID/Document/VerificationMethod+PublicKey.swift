internal import Primitives

extension VerificationMethod {
    /// Decodes the method's key according to its type: `publicKeyMultibase` for `Multikey` and
    /// `Ed25519VerificationKey2020`, `publicKeyJwk` for `JsonWebKey` and `JsonWebKey2020`,
    /// either for `EcdsaSecp256k1VerificationKey2019`, `publicKeyBase58` (the raw 32 bytes) or
    /// `publicKeyMultibase` for `Ed25519VerificationKey2018`.
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
        case .ed25519VerificationKey2018:
            if let base58 = additionalProperties["publicKeyBase58"]?.stringValue {
                // 32 bytes are at most 44 base58 digits; longer text is refused before the
                // quadratic decoding.
                guard base58.utf8.count <= 44, let raw = try? Base58BTC.decode(base58), raw.count == 32 else {
                    throw DIDError.invalidPublicKey("An Ed25519VerificationKey2018 publicKeyBase58 is base58 of the 32-byte key.")
                }
                key = try PublicKeyMaterial(multikey: Multibase.encode(Multicodec.ed25519Pub.prefixing(raw), base: .base58BTC))
            } else if let publicKeyMultibase { key = try PublicKeyMaterial(multikey: publicKeyMultibase) }
            else { throw missing("publicKeyBase58 or publicKeyMultibase") }
        case .ecdsaSecp256k1VerificationKey2019:
            if let publicKeyJwk { key = try PublicKeyMaterial(jwk: publicKeyJwk) }
            else if let publicKeyMultibase { key = try PublicKeyMaterial(multikey: publicKeyMultibase) }
            else { throw missing("publicKeyJwk or publicKeyMultibase") }
        default:
            throw DIDError.unsupportedPublicKeyType("Verification method type \(type) is not supported.")
        }
        switch (type, key) {
        case (.ed25519VerificationKey2020, .ed25519), (.ed25519VerificationKey2018, .ed25519), (.ecdsaSecp256k1VerificationKey2019, .secp256k1),
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
