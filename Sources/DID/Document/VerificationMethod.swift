public import Primitives

/// A verification method (W3C DID Core §5.2): a public key, named by a DID URL, that a
/// controller uses for the relationships a DID document grants it.
///
/// ```swift
/// let method = VerificationMethod(id: keyURL, controller: did, multikey: .ed25519(publicKey))
/// let key = try method.publicKeyMaterial()
/// ```
public struct VerificationMethod: Hashable, Sendable {
    /// A verification method type. New types are `static let`s; any name is accepted on input.
    public struct MethodType: Hashable, Sendable, CustomStringConvertible {
        /// The type name as written in `type`.
        public let name: String
        /// Names a type.
        /// - Parameter name: the `type` value.
        public init(_ name: String) { self.name = name }
        /// The type name.
        public var description: String { name }

        /// `Multikey` (Controlled Identifiers §2.2.2): the key in `publicKeyMultibase`.
        public static let multikey = MethodType("Multikey")
        /// `JsonWebKey` (Controlled Identifiers §2.2.3): the key in `publicKeyJwk`.
        public static let jsonWebKey = MethodType("JsonWebKey")
        /// Legacy `JsonWebKey2020`, read like `JsonWebKey`.
        public static let jsonWebKey2020 = MethodType("JsonWebKey2020")
        /// Legacy `Ed25519VerificationKey2018`: a raw Ed25519 key in base58 in `publicKeyBase58`
        /// (or a Multikey in `publicKeyMultibase`), as `Ed25519Signature2018` issuers publish it.
        public static let ed25519VerificationKey2018 = MethodType("Ed25519VerificationKey2018")
        /// Legacy `Ed25519VerificationKey2020`: an Ed25519 Multikey in `publicKeyMultibase`.
        public static let ed25519VerificationKey2020 = MethodType("Ed25519VerificationKey2020")
        /// Legacy `EcdsaSecp256k1VerificationKey2019`: a secp256k1 key as a JWK or Multikey.
        public static let ecdsaSecp256k1VerificationKey2019 = MethodType("EcdsaSecp256k1VerificationKey2019")
    }

    /// The method's DID URL, normally the controller's DID with a fragment.
    public var id: DIDURL
    /// The method type.
    public var type: MethodType
    /// The DID whose key this is.
    public var controller: DID
    /// The key as a Multikey, for `Multikey` and the multibase legacy types.
    public var publicKeyMultibase: String?
    /// The key as a JWK, for `JsonWebKey` and `JsonWebKey2020`.
    public var publicKeyJwk: JWK?
    /// Members this module does not interpret (such as a legacy `publicKeyBase58`), kept so
    /// the method serializes as it was read.
    public var additionalProperties: JSONObject

    /// Makes a verification method from its members.
    /// - Parameters:
    ///   - id: the method's DID URL.
    ///   - type: the method type.
    ///   - controller: the DID whose key this is.
    ///   - publicKeyMultibase: the Multikey, if the type carries one.
    ///   - publicKeyJwk: the JWK, if the type carries one.
    ///   - additionalProperties: other members to write.
    public init(id: DIDURL, type: MethodType, controller: DID, publicKeyMultibase: String? = nil,
                publicKeyJwk: JWK? = nil, additionalProperties: JSONObject = JSONObject()) {
        self.id = id
        self.type = type
        self.controller = controller
        self.publicKeyMultibase = publicKeyMultibase
        self.publicKeyJwk = publicKeyJwk
        self.additionalProperties = additionalProperties
    }

    /// Makes a `Multikey` verification method for `key`.
    /// - Parameters:
    ///   - id: the method's DID URL.
    ///   - controller: the DID whose key this is.
    ///   - key: the public key.
    public init(id: DIDURL, controller: DID, multikey key: PublicKeyMaterial) {
        self.init(id: id, type: .multikey, controller: controller, publicKeyMultibase: key.multikey)
    }

    /// Makes a `JsonWebKey` verification method for `key`.
    /// - Parameters:
    ///   - id: the method's DID URL.
    ///   - controller: the DID whose key this is.
    ///   - key: the public key.
    public init(id: DIDURL, controller: DID, jsonWebKey key: PublicKeyMaterial) {
        self.init(id: id, type: .jsonWebKey, controller: controller, publicKeyJwk: key.jwk)
    }
}
