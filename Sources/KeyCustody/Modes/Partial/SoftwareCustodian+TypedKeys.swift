public import Primitives

extension SoftwareCustodian: TypedKeyCustodian {
    /// The type of a held key, as its entry's `type` says.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file.
    public func keyType(of key: KeyReference) async throws -> KeyType {
        try heldKey(key).keyType
    }

    /// The public key of a held key of any type.
    /// - Throws: `KeyCustodyError.keyNotFound` naming the key and file.
    public func typedPublicKey(for key: KeyReference) async throws -> CustodyPublicKey {
        try heldKey(key).publicKey
    }

    /// Signs `message` with a held key, by its type (``TypedKeyCustodian/signMessage(_:with:)``).
    /// - Throws: `KeyCustodyError.keyNotFound`; `.backendFailure` when the library fails.
    public func signMessage(_ message: [UInt8], with key: KeyReference) async throws -> [UInt8] {
        try heldKey(key).signMessage(message, name: key.id)
    }
}
