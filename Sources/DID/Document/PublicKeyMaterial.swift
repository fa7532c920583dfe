public import Primitives

/// The signature-verification key a verification method holds, decoded from its Multikey
/// (`publicKeyMultibase`) or JWK (`publicKeyJwk`) form.
///
/// ```swift
/// let key = try method.publicKeyMaterial()
/// key.isValidSignature(signature, for: message)   // ES256K, EdDSA, ES256 or SM2SM3 by curve
/// ```
public enum PublicKeyMaterial: Hashable, Sendable {
    /// A secp256k1 key (JOSE `ES256K`).
    case secp256k1(Secp256k1PublicKey)
    /// An Ed25519 key (JOSE `EdDSA`).
    case ed25519(Ed25519PublicKey)
    /// A NIST P-256 key (JOSE `ES256`).
    case p256(P256PublicKey)
    /// A NIST P-384 key (JOSE `ES384`), verified in `ecdsa-rdfc-2019` proofs (did:key `z82…`).
    case p384(P384PublicKey)
    /// An SM2 key on the recommended curve (JOSE `SM2SM3`, `specs/credentials.md` §JOSE).
    case sm2(SM2PublicKey)

    /// Decodes a Multikey (`z` + base58btc(multicodec ‖ key)), with 33-byte compressed points
    /// for secp256k1, P-256 and SM2 (multicodec `sm2-pub`, 0x1206) and 49-byte ones for P-384,
    /// as did:key and `publicKeyMultibase` write them.
    /// - Parameter multikey: the multibase text, such as `z6Mk…`, `zQ3s…`, `zDn…` or `z82…`.
    /// - Throws: `DIDError.invalidPublicKey` for malformed text or a key off its curve;
    ///   `DIDError.unsupportedPublicKeyType` for another multicodec key type.
    public init(multikey: String) throws {
        let codec: Multicodec, key: [UInt8]
        do {
            (codec, key) = try Multicodec.split(Multibase.decode(multikey, expecting: .base58BTC))
        } catch {
            throw DIDError.invalidPublicKey("A Multikey is 'z' followed by base58btc of a multicodec-prefixed key.")
        }
        let compressed = codec == .secp256k1Pub || codec == .p256Pub || codec == .sm2Pub
        guard !compressed || key.count == 33 else {
            throw DIDError.invalidPublicKey("A \(codec) Multikey holds a 33-byte compressed point, not \(key.count) bytes.")
        }
        guard codec != .p384Pub || key.count == 49 else {
            throw DIDError.invalidPublicKey("A \(codec) Multikey holds a 49-byte compressed point, not \(key.count) bytes.")
        }
        self = try Self.decode(codec: codec) {
            switch codec {
            case .ed25519Pub: .ed25519(try Ed25519PublicKey(rawRepresentation: key))
            case .secp256k1Pub: .secp256k1(try Secp256k1PublicKey(key))
            case .sm2Pub: .sm2(try SM2PublicKey(key))
            case .p384Pub: .p384(try P384PublicKey(key))
            default: .p256(try P256PublicKey(key))
            }
        }
    }

    /// Decodes a public JWK: `EC` with `crv` `secp256k1`, `P-256`, `P-384` or `SM2`, or `OKP` with
    /// `Ed25519`.
    /// - Parameter jwk: the key.
    /// - Throws: `DIDError.unsupportedPublicKeyType` for another key type or curve;
    ///   `DIDError.invalidPublicKey` for coordinates of the wrong length or off the curve.
    public init(jwk: JWK) throws {
        let x = jwk.x ?? [], y = jwk.y ?? []
        switch (jwk.kty, jwk.crv) {
        case ("EC", "secp256k1"):
            self = try Self.decode(codec: .secp256k1Pub) {
                guard x.count == 32, y.count == 32 else { throw DIDError.invalidPublicKey("secp256k1 JWK coordinates are 32 bytes each.") }
                return .secp256k1(try Secp256k1PublicKey([0x04] + x + y))
            }
        case ("EC", "P-256"): self = try Self.decode(codec: .p256Pub) { .p256(try P256PublicKey(x: x, y: y)) }
        case ("EC", "P-384"): self = try Self.decode(codec: .p384Pub) { .p384(try P384PublicKey(x: x, y: y)) }
        case ("EC", "SM2"):
            self = try Self.decode(codec: .sm2Pub) {
                guard x.count == 32, y.count == 32 else { throw DIDError.invalidPublicKey("SM2 JWK coordinates are 32 bytes each.") }
                return .sm2(try SM2PublicKey([0x04] + x + y))
            }
        case ("OKP", "Ed25519"): self = try Self.decode(codec: .ed25519Pub) { .ed25519(try Ed25519PublicKey(rawRepresentation: x)) }
        default:
            throw DIDError.unsupportedPublicKeyType("JWK key type \(jwk.kty) with curve \(jwk.crv ?? "none") is not supported.")
        }
    }

    /// The multicodec that names this key type.
    public var multicodec: Multicodec {
        switch self {
        case .secp256k1: .secp256k1Pub
        case .ed25519: .ed25519Pub
        case .p256: .p256Pub
        case .p384: .p384Pub
        case .sm2: .sm2Pub
        }
    }

    /// The key bytes Multikey and did:key carry: 32 raw bytes for Ed25519, the compressed
    /// SEC1 point otherwise (49 bytes for P-384, 33 for the other curves).
    public var multikeyBytes: [UInt8] {
        switch self {
        case .secp256k1(let key): key.compressedRepresentation
        case .ed25519(let key): key.rawRepresentation
        case .p256(let key): key.compressedRepresentation
        case .p384(let key): key.compressedRepresentation
        case .sm2(let key): key.compressedRepresentation
        }
    }

    /// The Multikey form, `z` + base58btc(multicodec ‖ ``multikeyBytes``).
    public var multikey: String { Multibase.encode(multicodec.prefixing(multikeyBytes), base: .base58BTC) }

    /// The public JWK form (RFC 7518 §6.2 for EC, RFC 8037 §2 for OKP; `crv` `SM2` for SM2,
    /// a curve name IANA has not registered, `specs/did-method.md` §2.1).
    public var jwk: JWK {
        let members: JSONObject = switch self {
        case .secp256k1(let key): Self.ecMembers("secp256k1", key.uncompressedRepresentation)
        case .p256(let key): Self.ecMembers("P-256", key.uncompressedRepresentation)
        case .p384(let key): Self.ecMembers("P-384", key.uncompressedRepresentation)
        case .sm2(let key): Self.ecMembers("SM2", key.uncompressedRepresentation)
        case .ed25519(let key): ["kty": "OKP", "crv": "Ed25519", "x": .string(Base64URL.encode(key.rawRepresentation))]
        }
        // The members are complete and well formed by construction.
        return try! JWK(json: .object(members))
    }

    private static func ecMembers(_ curve: String, _ point: [UInt8]) -> JSONObject {
        let size = (point.count - 1) / 2
        return ["kty": "EC", "crv": .string(curve), "x": .string(Base64URL.encode(point[1...size])),
                "y": .string(Base64URL.encode(point[(size + 1)...]))]
    }

    /// Runs a Primitives constructor, turning its errors into `DIDError`s; keeps other codecs out.
    private static func decode(codec: Multicodec, _ make: () throws -> Self) throws -> Self {
        guard [Multicodec.ed25519Pub, .secp256k1Pub, .p256Pub, .p384Pub, .sm2Pub].contains(codec) else {
            throw DIDError.unsupportedPublicKeyType("Multicodec key type \(codec) is not supported.")
        }
        do { return try make() } catch let error as DIDError { throw error } catch {
            throw DIDError.invalidPublicKey("The \(codec) key is malformed or not a point on its curve.")
        }
    }
}
