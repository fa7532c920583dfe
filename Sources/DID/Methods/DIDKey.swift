public import Primitives

/// The did:key method (W3C CCG "The did:key Method" v0.7): a DID that is its own public key,
/// `did:key:` + Multikey, resolved without any registry.
///
/// ```swift
/// let didKey = try DIDKey(publicKey: .ed25519(privateKey.publicKey))
/// didKey.did            // did:key:z6Mk…
/// didKey.document       // Multikey method, its four relationships, X25519 keyAgreement
/// let resolver = DIDKey.Resolver()
/// ```
/// Ed25519 (`z6Mk…`), secp256k1 (`zQ3s…`) and P-256 (`zDn…`) keys are supported.
public struct DIDKey: Hashable, Sendable {
    /// The method name, `key`.
    public static let methodName = "key"
    /// The longest method-specific identifier read (a Multikey of a supported key is 48 characters).
    public static let maximumIdentifierLength = 128
    /// The context that defines `Multikey`, second in the document's `@context`.
    public static let multikeyContext = "https://w3id.org/security/multikey/v1"

    /// The DID, `did:key:` followed by the key's Multikey.
    public let did: DID
    /// The key the DID encodes.
    public let publicKey: PublicKeyMaterial
    /// The X25519 key derived from an Ed25519 key for `keyAgreement`; `nil` for other curves.
    public let keyAgreementKey: X25519PublicKey?

    /// Makes the did:key of a public key.
    /// - Parameter publicKey: the key.
    /// - Throws: `DIDError.invalidPublicKey` for an Ed25519 key that is not a prime-order
    ///   point, which has no X25519 form and verifies no signature;
    ///   `DIDError.unsupportedPublicKeyType` for an SM2 key, which the did:key method does not
    ///   define (SM2 keys are used in did:chancery documents).
    public init(publicKey: PublicKeyMaterial) throws {
        if case .sm2 = publicKey {
            throw DIDError.unsupportedPublicKeyType("The did:key method defines no SM2 key type; put SM2 keys in a did:chancery document.")
        }
        // The Multikey alphabet (base58btc) is all DID idchars, so this cannot fail.
        did = try! DID(method: Self.methodName, methodSpecificID: publicKey.multikey)
        self.publicKey = publicKey
        guard case .ed25519(let key) = publicKey else {
            keyAgreementKey = nil
            return
        }
        do { keyAgreementKey = try key.x25519PublicKey() } catch {
            throw DIDError.invalidPublicKey("The Ed25519 key is not a prime-order curve point.")
        }
    }

    /// Reads the key out of a did:key DID.
    /// - Parameter did: a `did:key` DID.
    /// - Throws: `DIDError.methodNotSupported` for another method; `DIDError.invalidDid` when
    ///   the identifier is not one base58btc Multikey in its canonical form;
    ///   `DIDError.invalidPublicKey` or `.unsupportedPublicKeyType` for the key itself.
    public init(_ did: DID) throws {
        guard did.method == Self.methodName else {
            throw DIDError(.methodNotSupported, "did:\(did.method) is not a did:key.")
        }
        // The longest Multikey supported is 48 characters; base58 decoding is quadratic in the
        // length, so a long identifier is refused before it is decoded.
        guard did.methodSpecificID.utf8.count <= Self.maximumIdentifierLength else {
            throw DIDError.invalidDID("A did:key identifier is at most \(Self.maximumIdentifierLength) characters.")
        }
        guard did.methodSpecificID.first == "z", !did.methodSpecificID.contains(":"),
              (try? Base58BTC.decode(String(did.methodSpecificID.dropFirst()))) != nil else {
            throw DIDError.invalidDID("A did:key identifier is 'z' followed by base58btc text.")
        }
        let key = try PublicKeyMaterial(multikey: did.methodSpecificID)
        guard key.multikey == did.methodSpecificID else {
            throw DIDError.invalidDID("The did:key identifier is not the canonical encoding of its key.")
        }
        try self.init(publicKey: key)
    }

    /// Parses a did:key DID and reads its key.
    /// - Parameter text: the DID as text.
    /// - Throws: `DIDError.invalidDid` for bad syntax, then as ``init(_:)``.
    public init(parsing text: String) throws {
        try self.init(DID(parsing: text))
    }

    /// The id of the signing verification method, `did:key:z…#z…`.
    public var verificationMethodID: DIDURL { Self.fragment(publicKey.multikey, of: did) }

    static func fragment(_ fragment: String, of did: DID) -> DIDURL {
        // Multikey text is base58btc, whose characters are all allowed in a fragment.
        try! DIDURL(did: did, fragment: fragment)
    }
}
