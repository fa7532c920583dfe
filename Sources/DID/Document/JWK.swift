public import Primitives

/// A public JSON Web Key (RFC 7517) as a verification method's `publicKeyJwk` carries it.
///
/// Every member is kept, so `kid`, `alg` or `use` survive a round trip; the members that
/// identify a key (RFC 7638 §3.2) are checked when parsing: `crv`, `x`, `y` for `EC`,
/// `crv`, `x` for `OKP`, `n`, `e` for `RSA`, `k` for `oct`.
/// ```swift
/// let jwk = try JWK(json: ["kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"])
/// Base64URL.encode(try jwk.thumbprint())   // "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
/// ```
public struct JWK: Hashable, Sendable {
    /// All members, in the order they were written.
    public let members: JSONObject

    /// The members RFC 7638 §3.2 hashes for each key type.
    static let thumbprintMembers: [String: [String]] = [
        "EC": ["crv", "kty", "x", "y"], "OKP": ["crv", "kty", "x"], "RSA": ["e", "kty", "n"], "oct": ["k", "kty"],
    ]
    /// Members that carry private key material (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2).
    static let privateMembers: Set<String> = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// Reads a JWK from JSON.
    /// - Parameter json: a JSON object with a string `kty`.
    /// - Throws: `DIDError.invalidPublicKey` when `json` is not an object, has no `kty`, or
    ///   lacks a string member its key type requires.
    public init(json: JSONValue) throws {
        let fields = try JSONFields(json, owner: "JWK", failure: { .invalidPublicKey($0) })
        let kty = try fields.requiredString("kty")
        for name in Self.thumbprintMembers[kty] ?? [] {
            _ = try fields.requiredString(name)
        }
        for name in ["x", "y"] {
            if let text = try fields.string(name), (try? Base64URL.decode(text)) == nil {
                throw DIDError.invalidPublicKey("The \(name) of a JWK must be unpadded base64url.")
            }
        }
        members = fields.object
    }

    /// The key type (`EC`, `OKP`, `RSA`, `oct`, ...).
    public var kty: String { members["kty"]?.stringValue ?? "" }
    /// The curve (`secp256k1`, `P-256`, `Ed25519`, ...), if the key type has one.
    public var crv: String? { members["crv"]?.stringValue }
    /// The decoded `x` coordinate (or Ed25519 public key), if present.
    public var x: [UInt8]? { members["x"]?.stringValue.flatMap { try? Base64URL.decode($0) } }
    /// The decoded `y` coordinate, if present.
    public var y: [UInt8]? { members["y"]?.stringValue.flatMap { try? Base64URL.decode($0) } }

    /// Whether the JWK holds private key material (a private member, or a symmetric `oct` key),
    /// which a DID document must never publish (DID Core §5.2.1).
    public var containsPrivateKey: Bool { kty == "oct" || members.keys.contains(where: Self.privateMembers.contains) }

    /// The JWK as a JSON object.
    public var jsonValue: JSONValue { .object(members) }

    /// The RFC 7638 thumbprint: SHA-256 over the key type's required members, sorted, with no
    /// whitespace. Base64url-encoded, it is the usual `kid`.
    /// - Returns: the 32-byte digest.
    /// - Throws: `DIDError.unsupportedPublicKeyType` for a key type RFC 7638 does not cover.
    public func thumbprint() throws -> [UInt8] {
        guard let names = Self.thumbprintMembers[kty] else {
            throw DIDError.unsupportedPublicKeyType("RFC 7638 defines no thumbprint for key type '\(kty)'.")
        }
        // The required members are all strings, so JCS writes exactly RFC 7638's form.
        let required = JSONObject(names.map { ($0, members[$0] ?? .null) })
        return Hash.sha256(JCS.canonicalize(.object(required)))
    }
}
