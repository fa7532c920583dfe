public import Primitives

/// The public half of a custody key of any ``KeyType``, as keystores and vault records list it.
///
/// ```swift
/// let key = try CustodyPublicKey(type: .sm2, compressed: bytes)
/// key.address      // SM3-derived for SM2 (FISCO BCOS GM), Keccak-256 for secp256k1
/// ```
public enum CustodyPublicKey: Hashable, Sendable, CustomStringConvertible {
    /// A secp256k1 key.
    case secp256k1(Secp256k1PublicKey)
    /// An SM2 key.
    case sm2(SM2PublicKey)
    /// An Ed25519 key.
    case ed25519(Ed25519PublicKey)
    /// A P-256 key.
    case p256(P256PublicKey)

    /// Parses the compressed form of a key type: a 33-byte SEC1 point, or for Ed25519 the
    /// 32-byte RFC 8032 encoding (itself a compressed point).
    /// - Throws: `KeyCustodyError.invalidInput` when the bytes are not a compressed point of
    ///   that type's curve.
    public init(type: KeyType, compressed bytes: [UInt8]) throws {
        let key: CustodyPublicKey?
        switch type {
        case .sm2 where bytes.count == 33: key = (try? SM2PublicKey(bytes)).map(Self.sm2)
        case .secp256k1 where bytes.count == 33: key = (try? Secp256k1PublicKey(bytes)).map(Self.secp256k1)
        case .p256 where bytes.count == 33: key = (try? P256PublicKey(bytes)).map(Self.p256)
        case .ed25519 where bytes.count == 32: key = (try? Ed25519PublicKey(rawRepresentation: bytes)).map(Self.ed25519)
        default: key = nil
        }
        guard let key else { throw KeyCustodyError(.invalidInput, "The bytes are not a compressed \(type) point.") }
        self = key
    }

    /// The key type.
    public var keyType: KeyType {
        switch self {
        case .secp256k1: .secp256k1
        case .sm2: .sm2
        case .ed25519: .ed25519
        case .p256: .p256
        }
    }

    /// The SM2 key, or `nil` for a key of another type.
    public var sm2: SM2PublicKey? {
        guard case .sm2(let key) = self else { return nil }
        return key
    }

    /// The compressed form: 33-byte SEC1, or Ed25519's 32 bytes.
    public var compressedRepresentation: [UInt8] {
        switch self {
        case .secp256k1(let key): key.compressedRepresentation
        case .sm2(let key): key.compressedRepresentation
        case .ed25519(let key): key.rawRepresentation
        case .p256(let key): key.compressedRepresentation
        }
    }

    /// The account address: last 20 bytes of Keccak-256 (secp256k1, Ethereum) or of SM3
    /// (SM2, FISCO BCOS's GM mode) of the 64-byte `x ‖ y`; `nil` for Ed25519 and P-256 keys,
    /// which sign credentials only and are never an account on the chain.
    public var address: EthereumAddress? {
        switch self {
        // An uncompressed point is always 65 bytes starting with 0x04, which the address accepts.
        case .secp256k1(let key): try! EthereumAddress(publicKey: key.uncompressedRepresentation)
        case .sm2(let key): key.address
        case .ed25519, .p256: nil
        }
    }

    /// The type and the compressed key in hex.
    public var description: String { "\(keyType):" + Hex.encode(compressedRepresentation) }
}
