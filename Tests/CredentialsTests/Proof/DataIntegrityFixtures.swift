import Credentials
import Foundation
import Primitives
import TestVectors

/// The published vc-di-eddsa and vc-di-ecdsa test vectors, read into the types under test.
enum DataIntegrityFixtures {
    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try Vectors.data(path)))
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Vectors.data(path))
    }

    static func hexFile(_ path: String) throws -> [UInt8] {
        hex(try Vectors.text(path).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func text(_ path: String) throws -> String {
        try Vectors.text(path).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The payload of a multicodec-prefixed multibase key, checked against its expected codec.
    static func multikey(_ text: String, codec: Multicodec) throws -> [UInt8] {
        let (found, payload) = try Multicodec.split(try Multibase.decode(text, expecting: .base58BTC))
        guard found == codec else { throw CredentialsError.invalidProof("vector key has codec \(found), not \(codec)") }
        return payload
    }

    static func ed25519KeyPair() throws -> (Ed25519PrivateKey, Ed25519PublicKey) {
        let pair = try json("di-eddsa/keyPair.json")
        let seed = try multikey(pair["privateKeyMultibase"]?.stringValue ?? "", codec: .ed25519Priv)
        let pub = try multikey(pair["publicKeyMultibase"]?.stringValue ?? "", codec: .ed25519Pub)
        return (try Ed25519PrivateKey(seed: SecureBytes(seed)), try Ed25519PublicKey(rawRepresentation: pub))
    }

    static func p256KeyPair() throws -> (P256PrivateKey, P256PublicKey) {
        let pair = try json("di-ecdsa/p256KeyPair.json")
        let secret = try multikey(pair["secretKeyMultibase"]?.stringValue ?? "", codec: .p256Priv)
        let pub = try multikey(pair["publicKeyMultibase"]?.stringValue ?? "", codec: .p256Pub)
        return (try P256PrivateKey(rawRepresentation: secret), try P256PublicKey(pub))
    }

    /// The proof options of a vector's proof configuration, without its `@context` (signing copies it).
    static func options(_ config: JSONValue) -> DataIntegrityProof.Options {
        DataIntegrityProof.Options(
            cryptosuite: DataIntegrityCryptosuite(rawValue: config["cryptosuite"]?.stringValue ?? "") ?? .eddsaJCS2022,
            created: config["created"]?.stringValue,
            verificationMethod: config["verificationMethod"]?.stringValue ?? "",
            proofPurpose: config["proofPurpose"]?.stringValue ?? "")
    }

    /// `document` with `change` applied to its top-level object.
    static func modified(_ document: JSONValue, _ change: (inout JSONObject) -> Void) -> JSONValue {
        guard var object = document.objectValue else { return document }
        change(&object)
        return .object(object)
    }

    /// `document` with `change` applied to its `proof` object.
    static func modifiedProof(_ document: JSONValue, _ change: (inout JSONObject) -> Void) -> JSONValue {
        modified(document) { object in
            guard var proof = object["proof"]?.objectValue else { return }
            change(&proof)
            object["proof"] = .object(proof)
        }
    }
}
