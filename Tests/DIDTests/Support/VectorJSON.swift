import DID
import Primitives
import TestVectors

/// `specs/vectors/<path>` parsed as JSON; a malformed file is a broken vector and stops the run.
func vectorJSON(_ path: String) throws -> JSONValue {
    try JSONValue(parsing: Vectors.text(path))
}

/// Bytes from base58btc text in a test vector.
func base58(_ text: String) -> [UInt8] {
    do { return try Base58BTC.decode(text) } catch { fatalError("malformed base58 in a test vector: \(text)") }
}

/// One entry of the W3C CCG did:key test vectors: the DID it is keyed by and its members.
struct DIDKeyVector {
    let did: String
    let entry: JSONValue

    /// The entries of `did-key/<file>` whose DID starts with `prefix`, in DID order.
    static func load(_ file: String, prefix: String = "did:key:") throws -> [DIDKeyVector] {
        guard let object = try vectorJSON("did-key/\(file)").objectValue else { fatalError("\(file) is not an object") }
        return object.filter { $0.key.hasPrefix(prefix) }.map { DIDKeyVector(did: $0.key, entry: $0.value) }
            .sorted { $0.did < $1.did }
    }

    /// The signing key's entry, `verificationKeyPair` or (nist-curves.json) `verificationMethod`.
    var verificationKey: JSONValue { entry["verificationKeyPair"] ?? entry["verificationMethod"]! }

    /// The document the vector publishes, read with this module's parser.
    func document() throws -> DIDDocument { try DIDDocument(json: entry["didDocument"]!) }
}

/// The public key bytes of a vector's key entry or verification method, whatever legacy form
/// it uses: `publicKeyBase58` (raw or compressed), a JWK (`x` for OKP keys, the compressed
/// point for EC keys) or `publicKeyMultibase`.
func vectorKeyBytes(_ key: JSONValue) throws -> [UInt8] {
    if let base58Key = key["publicKeyBase58"]?.stringValue { return base58(base58Key) }
    if let jwkJSON = key["publicKeyJwk"] {
        let jwk = try JWK(json: jwkJSON)
        return try jwk.kty == "OKP" ? jwk.x ?? [] : PublicKeyMaterial(jwk: jwk).multikeyBytes
    }
    return try DIDKeyIdentifier(parsing: key["publicKeyMultibase"]?.stringValue ?? "").publicKey
}
