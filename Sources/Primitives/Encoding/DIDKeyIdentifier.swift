/// The method-specific identifier of a `did:key` DID (W3C CCG did:key Method, "Format"):
/// `z` followed by base58btc(multicodec varint ‖ public key bytes).
///
/// Only construction through the validating initialisers is possible, so a value always holds
/// a supported key type with a key of the right length:
/// ```swift
/// let id = try DIDKeyIdentifier(codec: .ed25519Pub, publicKey: raw)
/// let did = "did:key:" + id.methodSpecificID          // did:key:z6Mk…
/// let back = try DIDKeyIdentifier(parsing: "z6Mk…")   // back.codec, back.publicKey
/// ```
public struct DIDKeyIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The key type.
    public let codec: Multicodec
    /// The public key bytes: raw 32 bytes for Ed25519 and X25519, compressed SEC1 (33 bytes)
    /// for secp256k1 and P-256.
    public let publicKey: [UInt8]

    /// Makes the identifier of a public key.
    /// - Parameters:
    ///   - codec: `.ed25519Pub`, `.x25519Pub`, `.secp256k1Pub` or `.p256Pub`.
    ///   - publicKey: the key in the form `codec` requires; compress SEC1 points with ``SEC1``.
    /// - Throws: `PrimitivesError.invalidKey` for an unsupported codec or a key of the wrong
    ///   length or form.
    public init(codec: Multicodec, publicKey: some Collection<UInt8>) throws {
        let key = Array(publicKey)
        try Self.validate(key, codec: codec)
        self.codec = codec
        self.publicKey = key
    }

    /// Parses a method-specific identifier such as `z6MkiTBz…`.
    /// - Parameter methodSpecificID: the part of the DID after `did:key:`.
    /// - Throws: `PrimitivesError.invalidEncoding` when the text is not base58btc multibase or
    ///   its varint is malformed; `PrimitivesError.invalidKey` for an unsupported codec or a
    ///   key of the wrong length or form.
    public init(parsing methodSpecificID: String) throws {
        let bytes = try Multibase.decode(methodSpecificID, expecting: .base58BTC)
        let (codec, key) = try Multicodec.split(bytes)
        try self.init(codec: codec, publicKey: key)
    }

    /// The encoded identifier, `z…`.
    public var methodSpecificID: String {
        Multibase.encode(codec.prefixing(publicKey), base: .base58BTC)
    }

    /// The encoded identifier, `z…`.
    public var description: String { methodSpecificID }

    private static func validate(_ key: [UInt8], codec: Multicodec) throws {
        switch codec {
        case .ed25519Pub, .x25519Pub:
            guard key.count == 32 else {
                throw PrimitivesError.invalidKey("A \(codec) did:key must hold a 32-byte key, not \(key.count) bytes.")
            }
        case .secp256k1Pub, .p256Pub:
            guard key.count == 33, key[0] == 0x02 || key[0] == 0x03 else {
                throw PrimitivesError.invalidKey("A \(codec) did:key must hold a 33-byte compressed SEC1 point.")
            }
        default:
            throw PrimitivesError.invalidKey("Multicodec \(codec) is not a public key type supported in did:key.")
        }
    }
}
