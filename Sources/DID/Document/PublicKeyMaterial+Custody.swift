public import KeyCustody

extension PublicKeyMaterial {
    /// The verification key of a custody key, as a verification method publishes it.
    /// - Parameter key: a key of any ``KeyType``.
    public init(_ key: CustodyPublicKey) {
        switch key {
        case .secp256k1(let key): self = .secp256k1(key)
        case .sm2(let key): self = .sm2(key)
        case .ed25519(let key): self = .ed25519(key)
        case .p256(let key): self = .p256(key)
        }
    }
}
